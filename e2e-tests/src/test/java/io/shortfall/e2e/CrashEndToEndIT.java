package io.shortfall.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.shortfall.client.debt.model.DebtCaseView;
import io.shortfall.client.liquidation.model.FillView;
import io.shortfall.client.liquidation.model.LiquidationView;
import io.shortfall.client.margin.model.PositionView;
import io.shortfall.client.notification.model.NotificationView;
import io.shortfall.events.EventJson;
import io.shortfall.events.Topics;
import io.shortfall.infra.suite.Suite;
import io.shortfall.infra.suite.SuiteConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The five services as separate processes (their built jars) on real PostgreSQL, Kafka, GreenMail and
 * Keycloak, driven only through their HTTP APIs with real tokens and read back from real mailboxes. The last test
 * kills services with SIGKILL in the middle of a crash ({@link KillDuringCrash}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashEndToEndIT {

    private static Suite suite;
    private static Api api;

    @BeforeAll
    static void startTheSuite() {
        suite = Suite.start(SuiteConfig.ephemeral(Path.of(System.getProperty("shortfall.repo.root", ".."))));
        api = new Api(Endpoints.of(suite));
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void aCrashIsCarriedFromThePriceToTheBorrowersInboxOnce() throws Exception {
        CrashScenario.Outcome crash = new CrashScenario(api, line -> System.out.println("[crash] " + line)).play();

        assertThat(crash.alicePositions()).extracting(PositionView::getZone).containsExactly("ORANGE", "RED", "RED");
        assertThat(crash.aliceLoan().getStatus()).isEqualTo("LIQUIDATED");

        LiquidationView receipt = crash.receipt();
        BigDecimal shortfall = receipt.getShortfall();
        assertThat(receipt.getDebt()).isEqualByComparingTo("39000.00");
        assertThat(receipt.getCollateralSold()).isEqualByComparingTo("1");
        assertThat(shortfall).isPositive().isEqualByComparingTo(receipt.getDebt().subtract(receipt.getGross()));
        assertThat(receipt.getFee()).isZero();
        assertThat(receipt.getSurplus()).isZero();
        assertThat(receipt.getFills().stream().map(FillView::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1");

        DebtCaseView debtCase = crash.debtCase();
        assertThat(debtCase.getAmount()).isEqualByComparingTo(shortfall);
        assertThat(debtCase.getOutstanding()).isEqualByComparingTo(shortfall);
        assertThat(debtCase.getStatus()).isEqualTo("OPEN");
        assertThat(debtCase.getLoanId()).isEqualTo(crash.aliceLoanId());

        assertThat(countBySubject(api.mailbox(CrashScenario.ALICE_EMAIL)))
                .containsEntry("margin call", 1L).containsEntry("receipt", 1L).containsEntry("negative balance", 1L);
        assertThat(crash.bobLoan().getStatus()).isEqualTo("ACTIVE");
        assertThat(crash.bobLoan().getZone()).isEqualTo("GREEN");
        assertThat(countBySubject(api.mailbox("bob@example.com"))).doesNotContainKey("margin call");

        theSuitesOtherTermsSellInPartAndDrawOnTheInsuranceFund(crash.otherRules());
        redeliveringTheSameEventsChangesNothing(crash);
        aPledgeSecuresTheDebtAndComesBackWhenItIsPaid(crash.debtCase());
    }

    /**
     * alice secures her debt with ETH from her reserve (loan-service holds it), the agent accepts it, she pays the
     * debt in full: the pledge comes back to her reserve, and she is told each step once. Played through the Java
     * clients generated from the services' OpenAPI documents (module api-clients), as a client team would.
     */
    private void aPledgeSecuresTheDebtAndComesBackWhenItIsPaid(DebtCaseView debtCase) throws Exception {
        Clients alice = new Clients(api.endpoints(), api.token("alice", "alice"));
        Clients agent = new Clients(api.endpoints(), api.token("agent", "agent"));
        UUID caseId = debtCase.getId();
        var reserves = new io.shortfall.client.loan.api.ReservesApi(alice.loan());
        var pledges = new io.shortfall.client.loan.api.PledgesApi(alice.loan());
        var debts = new io.shortfall.client.debt.api.DebtsApi(alice.debt());

        reserves.depositToReserve("ETH", new io.shortfall.client.loan.model.AmountRequest()
                .amount(new BigDecimal("0.5")), Clients.key());
        var pledge = pledges.pledgeCollateral(new io.shortfall.client.loan.model.PledgeRequest().caseId(caseId)
                .asset("ETH").quantity(new BigDecimal("0.5")), Clients.key());
        assertThat(pledge.getStatus()).isEqualTo(io.shortfall.client.loan.model.PledgeView.StatusEnum.HELD);
        assertThat(ethReserve(reserves)).isEqualByComparingTo("0");
        await("the pledge is offered on alice's case").atMost(Duration.ofSeconds(60)).until(() ->
                debts.getDebt(caseId).getPledges().stream().anyMatch(p -> p.getId().equals(pledge.getId())
                        && p.getStatus() == io.shortfall.client.debt.model.PledgeView.StatusEnum.OFFERED));

        assertThat(new io.shortfall.client.debt.api.CaseworkApi(agent.debt()).acceptPledge(caseId, pledge.getId())
                .getStatus()).isEqualTo(io.shortfall.client.debt.model.PledgeView.StatusEnum.ACCEPTED);

        var owed = debts.getDebt(caseId);
        UUID payInFull = owed.getOffers().stream().filter(o -> "PAY_IN_FULL".equals(o.getKind())).findFirst()
                .orElseThrow().getId();
        debts.acceptOffer(caseId, payInFull);
        var paid = debts.payDebt(caseId, new io.shortfall.client.debt.model.PaymentRequest()
                .amount(owed.getOutstanding()), Clients.key());
        assertThat(paid.getAmount()).isEqualByComparingTo(owed.getOutstanding());

        var back = await("the pledge is back in alice's reserve").atMost(Duration.ofSeconds(60))
                .until(() -> pledges.listPledges(0, 20).stream().filter(p -> p.getId().equals(pledge.getId()))
                        .findFirst().orElseThrow(), p -> p.getStatus()
                        == io.shortfall.client.loan.model.PledgeView.StatusEnum.RETURNED);
        assertThat(back.getNote()).isEqualTo("the case is settled");
        assertThat(ethReserve(reserves)).isEqualByComparingTo("0.5");
        assertThat(debts.getDebt(caseId).getStatus()).isEqualTo("SETTLED");
        Map<String, Long> told = await("alice is told of her pledge").atMost(Duration.ofSeconds(60))
                .until(() -> CrashScenario.subjects(api.mailbox(CrashScenario.ALICE_EMAIL)).stream()
                                .filter(subject -> subject.contains("pledge"))
                                .collect(Collectors.groupingBy(subject -> subject, Collectors.counting())),
                        byText -> byText.size() == 2);
        assertThat(told).containsOnly(Map.entry("Your pledge of 0.5 ETH was accepted", 1L),
                Map.entry("Your pledge of 0.5 ETH is back in your reserve", 1L));
    }

    private static BigDecimal ethReserve(io.shortfall.client.loan.api.ReservesApi reserves) throws Exception {
        return reserves.listReserves().stream().filter(r -> "ETH".equals(r.getAsset())).findFirst().orElseThrow()
                .getBalance();
    }

    /** The local suite shows every liquidation rule: ETH is sold in part, SOL without recourse. */
    private static void theSuitesOtherTermsSellInPartAndDrawOnTheInsuranceFund(CrashScenario.OtherRules other) {
        LiquidationView partial = other.carolReceipt();
        assertThat(partial.getPolicy()).isEqualTo("PARTIAL");
        assertThat(partial.getCollateralSold()).isPositive().isLessThan(new BigDecimal("2"));
        assertThat(partial.getShortfall()).isZero();
        assertThat(other.carolLoan().getStatus()).isEqualTo("ACTIVE");
        assertThat(other.carolLoan().getCollateralAmount())
                .isEqualByComparingTo(new BigDecimal("2").subtract(partial.getCollateralSold()));
        assertThat(other.carolLoan().getDebt())
                .isEqualByComparingTo(new BigDecimal("3900.00").subtract(partial.getDebtCovered()));

        LiquidationView sold = other.daveReceipt();
        assertThat(sold.getPolicy()).isEqualTo("FULL");
        BigDecimal shortfall = sold.getShortfall();
        assertThat(shortfall).isPositive();
        assertThat(other.insuranceFund().getDraws()).filteredOn(d -> other.daveLoanId().equals(d.getLoanId()))
                .singleElement().satisfies(draw -> assertThat(draw.getAmount()).isEqualByComparingTo(shortfall));
        assertThat(other.daveLoan().getStatus()).isEqualTo("LIQUIDATED");
        assertThat(other.daveDebts()).as("dave owes nothing: no recourse").isEmpty();
    }

    private void redeliveringTheSameEventsChangesNothing(CrashScenario.Outcome crash) {
        String alice = api.token("alice", "alice");
        List<String> again = new ArrayList<>();
        String aliceLoanId = crash.aliceLoanId().toString();
        again.addAll(redeliver(Topics.LIQUIDATION_EVENTS, aliceLoanId, "NegativeBalanceRecorded"));
        again.addAll(redeliver(Topics.LIQUIDATION_EVENTS, aliceLoanId, "LiquidationCompleted"));
        again.addAll(redeliver(Topics.MARGIN_EVENTS, aliceLoanId, "MarginCall"));
        again.addAll(redeliver(Topics.DEBT_EVENTS, crash.debtCase().getId().toString(), "DebtCaseOpened"));
        assertThat(again).containsExactlyInAnyOrder("NegativeBalanceRecorded", "LiquidationCompleted", "MarginCall",
                "DebtCaseOpened");

        for (String group : List.of("debt-collection-service", "notification-service", "loan-service")) {
            await(group + " consumed the redelivered events").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).until(() -> caughtUp(group));
        }
        Clients aliceClients = new Clients(api.endpoints(), alice);
        var debts = new io.shortfall.client.debt.api.DebtsApi(aliceClients.debt());
        assertThat(Call.of("alice's debts", () -> debts.listDebts(0, 100)))
                .filteredOn(c -> crash.aliceLoanId().equals(c.getLoanId())).as("debt cases for alice's loan")
                .hasSize(1);
        // Once every consumer has committed past the redelivered records, the feed (written in the consumers'
        // transactions) is final; once each of its emails is SENT, so is the mailbox.
        var notifications = new io.shortfall.client.notification.api.NotificationsApi(aliceClients.notification());
        List<NotificationView> feed = await("every email of alice's feed is sent").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Call.of("alice's feed", () -> notifications.listNotifications(0, 100)),
                        f -> f.stream().allMatch(n -> n.getEmail() != null && "SENT".equals(n.getEmail().getStatus())));
        assertThat(feed.stream().collect(Collectors.groupingBy(NotificationView::getType, Collectors.counting())))
                .containsEntry("MARGIN_CALL", 1L).containsEntry("LIQUIDATION_RECEIPT", 1L)
                .containsEntry("NEGATIVE_BALANCE", 1L);
        assertThat(countBySubject(api.mailbox(CrashScenario.ALICE_EMAIL)))
                .containsEntry("margin call", 1L).containsEntry("receipt", 1L).containsEntry("negative balance", 1L);
        assertThat(records(Topics.dlq(Topics.LIQUIDATION_EVENTS))).as("nothing was refused as poison").isEmpty();
    }

    @Test
    @Order(2)
    void theApisRefuseTheWrongCaller() {
        String alice = api.token("alice", "alice");
        String bob = api.token("bob", "bob");
        assertThat(api.get(CrashScenario.LOAN, "/api/loans", null).status()).isEqualTo(401);
        // Signed by the realm but issued to Keycloak's own admin-cli (no audience "shortfall"): refused.
        String adminCli = api.token(api.endpoints().keycloakUrl(), "admin-cli", "alice", "alice");
        var foreign = api.get(CrashScenario.LOAN, "/api/loans", adminCli);
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(api.get(CrashScenario.DEBT, "/api/debts", api.token(api.endpoints().keycloakUrl(), "admin-cli",
                "agent", "agent")).status()).isEqualTo(401);
        // Keycloak's host name is fixed: a token asked for at 127.0.0.1 carries the same issuer and is accepted.
        String byAddress = api.token(api.endpoints().keycloakUrl().replace("localhost", "127.0.0.1"), "shortfall-app",
                "alice", "alice");
        assertThat(api.get(CrashScenario.LOAN, "/api/loans", byAddress).status()).isEqualTo(200);
        assertThat(api.post(CrashScenario.MARGIN, "/api/prices", alice,
                Map.of("asset", "BTC", "price", "1", "source", "alice")).status()).isEqualTo(403);
        String loan = api.post(CrashScenario.MARGIN, "/api/prices", api.token("ops", "ops"),
                Map.of("asset", "SOL", "price", "150", "source", "test")).expect(202).raw();
        assertThat(loan).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(CrashScenario.LOAN, "/api/assets", alice).body()
                .toString().contains("150.00000000"));
        String id = api.post(CrashScenario.LOAN, "/api/loans", alice, Map.of("collateralAsset", "SOL",
                "collateralAmount", "10", "principal", "500")).expect(201).body().get("id").asText();
        var theft = api.get(CrashScenario.LOAN, "/api/loans/" + id, bob);
        assertThat(theft.status()).isEqualTo(404);
        assertThat(theft.raw()).contains("\"status\":404");
    }

    /**
     * kill -9 of loan-, liquidation-, debt-collection- and notification-service, each with work in flight, during a
     * crash of {@value KillDuringCrash#LOANS} loans: nothing lost, nothing twice (margin-service: MarginReplicasIT).
     */
    @Test
    @Order(3)
    void servicesKilledWithSigkillInTheMiddleOfACrashLoseNothingAndDoNothingTwice() throws Exception {
        new KillDuringCrash(suite, api).play();
    }

    private static Map<String, Long> countBySubject(JsonNode messages) {
        Function<String, String> kind = subject -> {
            String s = subject.toLowerCase();
            if (s.contains("margin call")) {
                return "margin call";
            }
            if (s.contains("receipt")) {
                return "receipt";
            }
            if (s.contains("you owe")) {
                return "negative balance";
            }
            return s;
        };
        return CrashScenario.subjects(messages).stream().collect(Collectors.groupingBy(kind, Collectors.counting()));
    }

    /** Sends again, byte for byte, the records of {@code type} keyed {@code key}; returns their types. */
    private static List<String> redeliver(String topic, String key, String type) {
        List<String> types = new ArrayList<>();
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(producerProps)) {
            for (ConsumerRecord<String, String> record : records(topic)) {
                if (key.equals(record.key()) && type.equals(EventJson.read(record.value()).type())) {
                    producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()));
                    types.add(type);
                }
            }
            producer.flush();
        }
        return types;
    }

    private static List<ConsumerRecord<String, String>> records(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    /** Has consumer group {@code group} committed every record of every topic it reads? */
    private static boolean caughtUp(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                suite.kafka().bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            var latest = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            return committed.entrySet().stream()
                    .allMatch(e -> e.getValue() != null && e.getValue().offset() >= latest.get(e.getKey()).offset());
        }
    }
}
