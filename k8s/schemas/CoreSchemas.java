import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.lang.reflect.*;
import java.nio.file.*;
import java.util.*;

/**
 * Writes the strict JSON schemas (draft-07) of the core Kubernetes kinds the deployment uses, in
 * kubeconform's CRD layout ({group}/{kind}_{version}.json, "core" for the core group), from the model
 * classes of the official Kubernetes Java client (io.kubernetes:client-java-api), which are generated
 * from the Kubernetes OpenAPI document: every property, its type, the required ones, and no other
 * property ("additionalProperties": false).
 *
 * Run it again only to move to another Kubernetes version (k8s/README.md):
 *   java -cp client-java-api-24.0.0.jar:gson-2.13.1.jar k8s/schemas/CoreSchemas.java k8s/schemas
 */
public class CoreSchemas {
    // kind, group, version, model class
    static final String[][] KINDS = {
        {"Namespace", "", "v1", "V1Namespace"},
        {"ServiceAccount", "", "v1", "V1ServiceAccount"},
        {"Service", "", "v1", "V1Service"},
        {"ConfigMap", "", "v1", "V1ConfigMap"},
        {"Secret", "", "v1", "V1Secret"},
        {"PersistentVolumeClaim", "", "v1", "V1PersistentVolumeClaim"},
        {"Deployment", "apps", "v1", "V1Deployment"},
        {"StatefulSet", "apps", "v1", "V1StatefulSet"},
        {"Job", "batch", "v1", "V1Job"},
        {"CronJob", "batch", "v1", "V1CronJob"},
        {"NetworkPolicy", "networking.k8s.io", "v1", "V1NetworkPolicy"},
        {"Ingress", "networking.k8s.io", "v1", "V1Ingress"},
        {"PodDisruptionBudget", "policy", "v1", "V1PodDisruptionBudget"},
        {"HorizontalPodAutoscaler", "autoscaling", "v2", "V2HorizontalPodAutoscaler"},
        {"Role", "rbac.authorization.k8s.io", "v1", "V1Role"},
        {"RoleBinding", "rbac.authorization.k8s.io", "v1", "V1RoleBinding"},
    };
    static final String MODELS = "io.kubernetes.client.openapi.models.";

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "k8s/schemas");
        for (String[] k : KINDS) {
            Map<String, String> defs = new TreeMap<>();
            Class<?> root = Class.forName(MODELS + k[3]);
            define(root, defs);
            String apiVersion = k[1].isEmpty() ? k[2] : k[1] + "/" + k[2];
            StringBuilder s = new StringBuilder();
            s.append("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",");
            s.append("\"description\":\"").append(k[0]).append(' ').append(apiVersion)
                .append(" (io.kubernetes:client-java-api ").append(clientVersion()).append(")\",");
            // the root: the kind's own definition, with apiVersion and kind pinned
            s.append("\"allOf\":[{\"$ref\":\"#/definitions/").append(k[3]).append("\"}],");
            s.append("\"required\":[\"apiVersion\",\"kind\"],");
            s.append("\"properties\":{\"apiVersion\":{\"const\":\"").append(apiVersion)
                .append("\"},\"kind\":{\"const\":\"").append(k[0]).append("\"}},");
            s.append("\"definitions\":{");
            StringJoiner j = new StringJoiner(",\n");
            defs.forEach((name, def) -> j.add("\"" + name + "\":" + def));
            s.append(j).append("}}\n");
            Path file = out.resolve(k[1].isEmpty() ? "core" : k[1]).resolve(k[0].toLowerCase() + "_" + k[2] + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, s);
            System.out.println(file + ": " + defs.size() + " definitions");
        }
    }

    static String clientVersion() throws IOException {
        Properties p = new Properties();
        try (var in = CoreSchemas.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/io.kubernetes/client-java-api/pom.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }

    @SuppressWarnings("unchecked")
    static void define(Class<?> c, Map<String, String> defs) throws Exception {
        if (defs.containsKey(c.getSimpleName())) return;
        defs.put(c.getSimpleName(), "");
        Set<String> known = (Set<String>) c.getField("openapiFields").get(null);
        Set<String> required = new TreeSet<>((Set<String>) c.getField("openapiRequiredFields").get(null));
        StringJoiner props = new StringJoiner(",");
        Set<String> seen = new HashSet<>();
        for (Field f : c.getDeclaredFields()) {
            SerializedName n = f.getAnnotation(SerializedName.class);
            if (n == null || Modifier.isStatic(f.getModifiers())) continue;
            seen.add(n.value());
            props.add("\"" + n.value() + "\":" + type(f.getGenericType(), defs));
        }
        if (!seen.equals(known)) throw new IllegalStateException(c + ": fields " + seen + " but OpenAPI " + known);
        StringBuilder d = new StringBuilder("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{")
            .append(props).append('}');
        if (!required.isEmpty()) {
            StringJoiner r = new StringJoiner(",", "[", "]");
            required.forEach(x -> r.add("\"" + x + "\""));
            d.append(",\"required\":").append(r);
        }
        defs.put(c.getSimpleName(), d.append('}').toString());
    }

    static String type(Type t, Map<String, String> defs) throws Exception {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] a = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw))
                return "{\"type\":\"array\",\"items\":" + type(a[0], defs) + "}";
            if (Map.class.isAssignableFrom(raw))
                return "{\"type\":\"object\",\"additionalProperties\":" + type(a[1], defs) + "}";
            throw new IllegalStateException("unmapped " + t);
        }
        Class<?> c = (Class<?>) t;
        String n = c.getName();
        if (c == String.class || c == byte[].class) return "{\"type\":\"string\"}";
        if (c == Integer.class || c == Long.class || c == int.class || c == long.class) return "{\"type\":\"integer\"}";
        if (c == Boolean.class || c == boolean.class) return "{\"type\":\"boolean\"}";
        if (c == Double.class || c == Float.class || c == java.math.BigDecimal.class) return "{\"type\":\"number\"}";
        if (c == java.time.OffsetDateTime.class) return "{\"type\":\"string\",\"format\":\"date-time\"}";
        if (c == Object.class) return "{}";
        if (c.isEnum()) {
            StringJoiner e = new StringJoiner(",", "[", "]");
            for (Field f : c.getFields()) {
                if (!f.isEnumConstant()) continue;
                SerializedName sn = f.getAnnotation(SerializedName.class);
                e.add("\"" + (sn != null ? sn.value() : f.get(null).toString()) + "\"");
            }
            return "{\"type\":\"string\",\"enum\":" + e + "}";
        }
        if (n.equals("io.kubernetes.client.custom.IntOrString")) return "{\"type\":[\"string\",\"integer\"]}";
        if (n.equals("io.kubernetes.client.custom.Quantity")) return "{\"type\":[\"string\",\"number\"]}";
        if (n.startsWith(MODELS)) {
            define(c, defs);
            return "{\"$ref\":\"#/definitions/" + c.getSimpleName() + "\"}";
        }
        throw new IllegalStateException("unmapped " + t);
    }
}
