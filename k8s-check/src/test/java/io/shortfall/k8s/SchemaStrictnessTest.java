package io.shortfall.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check refuses what the API server or the operators would refuse: it is not a check that cannot fail. */
class SchemaStrictnessTest {
    final Schemas schemas = new Schemas(Manifests.k8sDir().resolve("schemas"));

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: demo
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      ports:
                        - containerPort: 8080
                      livenessProbe:
                        httpGet:
                          path: /q/health/live
                          port: 8080
                      resources:
                        limits:
                          memory: 512Mi
                          cpu: 1
            """;

    static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: loan-events
              labels:
                strimzi.io/cluster: shortfall-kafka
            spec:
              topicName: loan.events
              partitions: 12
              replicas: 3
              config:
                retention.ms: 1209600000
            """;

    static final String CLUSTER = """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: pg
            spec:
              instances: 3
              storage:
                size: 1Gi
            """;

    static final String RULE = """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: rules
            spec:
              groups:
                - name: outbox
                  rules:
                    - alert: Parked
                      expr: max(shortfall_outbox_parked_rows) > 0
                      for: 1m
                      labels:
                        severity: critical
            """;

    @Test
    void validObjectsPass() throws Exception {
        assertThat(schemas.problems(one(DEPLOYMENT))).isEmpty();
        assertThat(schemas.problems(one(TOPIC))).isEmpty();
        assertThat(schemas.problems(one(CLUSTER))).isEmpty();
        assertThat(schemas.problems(one(RULE))).isEmpty();
    }

    @Test
    void anUnknownFieldFails() throws Exception {
        ObjectNode d = one(DEPLOYMENT);
        ((ObjectNode) d.at("/spec/template/spec/containers/0/livenessProbe/httpGet")).put("pth", "/q/health/live");
        assertThat(schemas.problems(d)).anySatisfy(p -> assertThat(p).contains("pth"));

        ObjectNode top = one(DEPLOYMENT);
        top.put("specs", "typo");
        assertThat(schemas.problems(top)).anySatisfy(p -> assertThat(p).contains("specs"));

        ObjectNode t = one(TOPIC);
        ((ObjectNode) t.at("/spec")).put("retention", "7d");
        assertThat(schemas.problems(t)).anySatisfy(p -> assertThat(p).contains("retention"));

        // A custom resource's metadata is held to ObjectMeta too.
        ObjectNode m = one(TOPIC);
        ((ObjectNode) m.at("/metadata")).put("label", "typo");
        assertThat(schemas.problems(m)).anySatisfy(p -> assertThat(p).contains("label"));

        ObjectNode r = one(RULE);
        ((ObjectNode) r.at("/spec/groups/0/rules/0")).put("annotation", "typo");
        assertThat(schemas.problems(r)).anySatisfy(p -> assertThat(p).contains("annotation"));
    }

    @Test
    void aWrongTypeFails() throws Exception {
        ObjectNode d = one(DEPLOYMENT);
        ((ObjectNode) d.at("/spec")).put("replicas", "two");
        assertThat(schemas.problems(d)).anySatisfy(p -> assertThat(p).contains("replicas").contains("integer"));

        ObjectNode ports = one(DEPLOYMENT);
        ((ObjectNode) ports.at("/spec/template/spec/containers/0/ports/0")).put("containerPort", true);
        assertThat(schemas.problems(ports)).anySatisfy(p -> assertThat(p).contains("containerPort"));

        ObjectNode t = one(TOPIC);
        ((ObjectNode) t.at("/spec")).put("partitions", "twelve");
        assertThat(schemas.problems(t)).anySatisfy(p -> assertThat(p).contains("partitions"));
    }

    @Test
    void aMissingRequiredFieldFails() throws Exception {
        ObjectNode d = one(DEPLOYMENT);
        ((ObjectNode) d.at("/spec/template/spec/containers/0")).remove("name");
        assertThat(schemas.problems(d)).anySatisfy(p -> assertThat(p).contains("name"));

        ObjectNode noSelector = one(DEPLOYMENT);
        ((ObjectNode) noSelector.at("/spec")).remove("selector");
        assertThat(schemas.problems(noSelector)).anySatisfy(p -> assertThat(p).contains("selector"));

        ObjectNode c = one(CLUSTER);
        ((ObjectNode) c.at("/spec")).remove("instances");
        assertThat(schemas.problems(c)).anySatisfy(p -> assertThat(p).contains("instances"));

        ObjectNode r = one(RULE);
        ((ObjectNode) r.at("/spec/groups/0/rules/0")).remove("expr");
        assertThat(schemas.problems(r)).anySatisfy(p -> assertThat(p).contains("expr"));

        ObjectNode f = one(RULE);
        ((ObjectNode) f.at("/spec/groups/0/rules/0")).put("for", "one minute");
        assertThat(schemas.problems(f)).anySatisfy(p -> assertThat(p).contains("for"));
    }

    @Test
    void aKindWithoutSchemaOrAnUnknownVersionFails() throws Exception {
        ObjectNode d = one(DEPLOYMENT);
        d.put("apiVersion", "apps/v1beta1");
        assertThat(schemas.problems(d)).singleElement().satisfies(p -> assertThat(p).contains("no schema"));

        ObjectNode k = one(TOPIC);
        k.put("kind", "KafkaTopics");
        assertThat(schemas.problems(k)).singleElement().satisfies(p -> assertThat(p).contains("no schema"));
    }

    static ObjectNode one(String yaml) throws Exception {
        List<JsonNode> docs = Manifests.parse(yaml);
        assertThat(docs).hasSize(1);
        return (ObjectNode) docs.get(0);
    }
}
