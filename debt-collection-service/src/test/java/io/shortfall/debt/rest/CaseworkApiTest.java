package io.shortfall.debt.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shortfall.debt.Debts;
import io.shortfall.testing.TestClock;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.debt.Shortfalls.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CaseworkApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Inject
    TestClock clock;

    @Test
    void theQueueIsOrderedByPriorityAndAgentsClaimAssignAndLogContacts() {
        String small = Debts.open(kafka, Debts.debtor("mo"), "150.00");
        String large = Debts.open(kafka, Debts.debtor("ned"), "9000.00");

        List<String> ids = given().auth().oauth2(Tokens.agent()).get("/api/cases?size=100").then().statusCode(200)
                .body("status", everyItem(not(equalTo("SETTLED"))))
                .extract().jsonPath().getList("id");
        assertThat(ids).contains(small, large);
        assertThat(ids.indexOf(large)).isLessThan(ids.indexOf(small));
        List<Long> priorities = given().auth().oauth2(Tokens.agent()).get("/api/cases?size=100").then()
                .extract().jsonPath().getList("priority", Long.class);
        assertThat(priorities).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        given().auth().oauth2(Tokens.borrower("mo")).get("/api/cases").then().statusCode(403);
        given().get("/api/cases").then().statusCode(401);
        given().auth().oauth2(Tokens.agent()).get("/api/cases?status=NOPE").then().statusCode(400)
                .body("violations.field", hasItem("status"));
        given().auth().oauth2(Tokens.agent()).get("/api/cases?bucket=7").then().statusCode(400)
                .body("violations.field", hasItem("bucket"));

        // claim, then assign to someone else
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/" + small + "/assign").then().statusCode(200).body("assignee", equalTo("agent"));
        given().auth().oauth2(Tokens.agent()).get("/api/cases?assignee=agent&size=100").then()
                .body("id", hasItem(small)).body("assignee", everyItem(equalTo("agent")));
        given().auth().oauth2(Tokens.supervisor()).contentType(ContentType.JSON).body(Map.of("agentId", "zed"))
                .post("/api/cases/" + small + "/assign").then().statusCode(200).body("assignee", equalTo("zed"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/" + UUID.randomUUID() + "/assign").then().statusCode(404);

        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("channel", "PIGEON", "outcome", "x")).post("/api/cases/" + small + "/contacts").then()
                .statusCode(400).body("violations.field", hasItem("channel"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE")).post("/api/cases/" + small + "/contacts").then()
                .statusCode(400).body("violations.field", hasItem("outcome"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "outcome", "NO_ANSWER", "note", "voicemail left"))
                .post("/api/cases/" + small + "/contacts").then().statusCode(201).body("agentId", equalTo("agent"));
        given().auth().oauth2(Tokens.agent()).get("/api/cases/" + small + "/contacts").then().statusCode(200)
                .body("outcome", contains("NO_ANSWER"));
        Debts.get(Tokens.agent(), small).body("assignee", equalTo("zed"))
                .body("timeline.kind", hasItem("CONTACT")).body("timeline.kind", hasItem("ASSIGNED"));
    }

    @Test
    void aWriteOffNeedsASupervisorWhoIsNotTheRequester() {
        String debtor = Debts.debtor("ola");
        String caseId = Debts.open(kafka, debtor, "250.00");
        String sue = Tokens.supervisor();
        String sam = Tokens.of("sam", "agent", "supervisor");

        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/" + caseId + "/write-off").then().statusCode(400).body("violations.field", hasItem("reason"));
        String approval = given().auth().oauth2(sue).contentType(ContentType.JSON).body(Map.of("reason", "deceased"))
                .post("/api/cases/" + caseId + "/write-off").then().statusCode(202)
                .body("kind", equalTo("WRITE_OFF")).body("amount", equalTo("250.00")).body("requestedBy", equalTo("sue"))
                .extract().path("id");
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/cases/" + caseId + "/write-off").then().statusCode(409);
        given().auth().oauth2(sue).contentType(ContentType.JSON).body(Map.of())
                .post("/api/approvals/" + approval + "/approve").then().statusCode(403)
                .body("type", equalTo("urn:shortfall:problem:maker-checker"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/approvals/" + approval + "/approve").then().statusCode(403);
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("OPEN"));
        var writtenOffBefore = io.shortfall.testing.Metrics.value("shortfall_debt_written_off_amount_total", "currency", "USDT");
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(Map.of())
                .post("/api/approvals/" + approval + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        assertThat(io.shortfall.testing.Metrics.value("shortfall_debt_written_off_amount_total", "currency", "USDT"))
                .isEqualByComparingTo(writtenOffBefore.add(new java.math.BigDecimal("250")));
        given().auth().oauth2(sam).get("/api/approvals?status=APPROVED").then().body("id", hasItem(approval));
        given().auth().oauth2(sam).get("/api/approvals?status=MAYBE").then().statusCode(400);
        Debts.get(Tokens.borrower(debtor), caseId).body("status", equalTo("WRITTEN_OFF"))
                .body("outstanding", equalTo("0.00")).body("discount", equalTo("250.00"));
        UUID id = UUID.fromString(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.DebtWrittenOff.class, e -> e.caseId().equals(id))).singleElement().satisfies(e -> {
                    assertThat(e.amount()).isEqualByComparingTo("250.00");
                    assertThat(e.approvedBy()).isEqualTo("sam");
                }));
        given().auth().oauth2(Tokens.agent()).get("/api/cases?size=100").then().body("id", not(hasItem(caseId)));
        given().auth().oauth2(Tokens.agent()).get("/api/cases?status=WRITTEN_OFF&size=100").then().body("id", hasItem(caseId));
    }

    @Test
    void aWriteOffIsNotApprovedForMoreThanWasRequested() {
        String debtor = Debts.debtor("oz");
        String caseId = Debts.open(kafka, debtor, "300.00");
        String sam = Tokens.of("sam", "agent", "supervisor");
        Debts.plan(debtor, caseId, 3, Debts.today(clock).plusDays(10)).statusCode(201);
        String paymentId = Debts.pay(debtor, caseId, "100.00", UUID.randomUUID().toString()).statusCode(201)
                .extract().path("id");
        String approval = given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("reason", "uncollectable")).post("/api/cases/" + caseId + "/write-off").then()
                .statusCode(202).body("amount", equalTo("200.00")).extract().path("id");
        // the payment bounces after the request: 300.00 is owed, more than the checker is asked to forgive
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "chargeback"))
                .post("/api/cases/" + caseId + "/payments/" + paymentId + "/reversal").then().statusCode(200);
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(Map.of())
                .post("/api/approvals/" + approval + "/approve").then().statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:approval-stale"));
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("IN_PLAN")).body("outstanding", equalTo("300.00"));
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(Map.of("note", "ask again"))
                .post("/api/approvals/" + approval + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void aWriteOffWithdrawsTheOffersAndTheSettlementsAwaitingApproval() {
        String debtor = Debts.debtor("uma");
        String caseId = Debts.open(kafka, debtor, "1000.00");
        String sam = Tokens.of("sam", "agent", "supervisor");
        Debts.propose(Tokens.agent(), caseId, Map.of("kind", "SETTLEMENT", "amount", "500.00")).statusCode(201)
                .body("status", equalTo("AWAITING_APPROVAL"));
        String settlement = given().auth().oauth2(sam).get("/api/approvals").then().statusCode(200).extract()
                .path("find { it.caseId == '" + caseId + "' && it.kind == 'SETTLEMENT' }.id");
        String writeOff = given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("reason", "insolvent")).post("/api/cases/" + caseId + "/write-off").then()
                .statusCode(202).extract().path("id");
        // The note is optional: an approval without any body is taken (no Content-Type either).
        given().auth().oauth2(sam).post("/api/approvals/" + writeOff + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));

        given().auth().oauth2(sam).get("/api/approvals").then().body("id", not(hasItem(settlement)));
        given().auth().oauth2(sam).get("/api/approvals?status=REJECTED").then().body("id", hasItem(settlement));
        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId + "/offers").then().statusCode(200)
                .body("status", everyItem(equalTo("WITHDRAWN")));
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(Map.of())
                .post("/api/approvals/" + settlement + "/approve").then().statusCode(409);
    }

    @Test
    void theQueueIsPagedInTheDatabaseByPriorityThenAge() {
        String agent = "pager-" + UUID.randomUUID().toString().substring(0, 8);
        // priorities 1, 5, 3 (one point per 100 owed), all assigned to one agent: three pages of one, or 2 + 1
        String low = Debts.open(kafka, Debts.debtor("pa"), "150.00");
        String high = Debts.open(kafka, Debts.debtor("pb"), "550.00");
        String middle = Debts.open(kafka, Debts.debtor("pc"), "350.00");
        for (String id : List.of(low, high, middle)) {
            given().auth().oauth2(Tokens.supervisor()).contentType(ContentType.JSON).body(Map.of("agentId", agent))
                    .post("/api/cases/" + id + "/assign").then().statusCode(200);
        }
        String mine = "/api/cases?assignee=" + agent;
        given().auth().oauth2(Tokens.agent()).get(mine + "&size=2").then().statusCode(200)
                .body("id", contains(high, middle)).body("priority", contains(5, 3));
        given().auth().oauth2(Tokens.agent()).get(mine + "&size=2&page=1").then().statusCode(200)
                .body("id", contains(low));
        given().auth().oauth2(Tokens.agent()).get(mine + "&size=2&page=2").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.empty());
        given().auth().oauth2(Tokens.agent()).get(mine + "&size=1&page=1").then().statusCode(200)
                .body("id", contains(middle));
        given().auth().oauth2(Tokens.agent()).get(mine + "&status=OPEN&size=2&page=1").then().statusCode(200)
                .body("id", contains(low));
        // equal priorities: the oldest case first, whatever the page size
        String sameAsLow = Debts.open(kafka, Debts.debtor("pd"), "199.99");
        given().auth().oauth2(Tokens.supervisor()).contentType(ContentType.JSON).body(Map.of("agentId", agent))
                .post("/api/cases/" + sameAsLow + "/assign").then().statusCode(200);
        given().auth().oauth2(Tokens.agent()).get(mine + "&size=2&page=1").then().statusCode(200)
                .body("id", contains(low, sameAsLow));

        for (String bad : List.of("size=0", "size=101", "page=-1")) {
            given().auth().oauth2(Tokens.agent()).get("/api/cases?" + bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.agent()).get("/api/cases?size=0").then()
                .body("violations.field", hasItem("size"));
        given().auth().oauth2(Tokens.agent()).get("/api/cases?page=-1").then()
                .body("violations.field", hasItem("page"));
    }

    @Test
    void approvalsArePagedOldestFirst() {
        String sue = Tokens.supervisor();
        String first = Debts.open(kafka, Debts.debtor("qa"), "100.00");
        String second = Debts.open(kafka, Debts.debtor("qb"), "100.00");
        for (String id : List.of(first, second)) {
            given().auth().oauth2(sue).contentType(ContentType.JSON).body(Map.of("reason", "paging"))
                    .post("/api/cases/" + id + "/write-off").then().statusCode(202);
        }
        List<String> two = given().auth().oauth2(sue).get("/api/approvals?size=2").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(two).hasSize(2);
        given().auth().oauth2(sue).get("/api/approvals?size=1").then().statusCode(200).body("id", contains(two.get(0)));
        given().auth().oauth2(sue).get("/api/approvals?size=1&page=1").then().statusCode(200)
                .body("id", contains(two.get(1)));
        // every pending one, page after page, oldest first: both of these are there, in the order requested
        List<String> caseIds = new java.util.ArrayList<>();
        List<String> requestedAt = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var found = given().auth().oauth2(sue).get("/api/approvals?size=100&page=" + page).then().statusCode(200)
                    .extract().jsonPath();
            List<String> ids = found.getList("caseId");
            if (ids.isEmpty()) {
                break;
            }
            caseIds.addAll(ids);
            requestedAt.addAll(found.getList("requestedAt"));
        }
        assertThat(caseIds).containsSubsequence(first, second);
        assertThat(requestedAt.stream().map(java.time.Instant::parse).toList()).isSorted();
        for (String bad : List.of("size=0", "size=101", "page=-1")) {
            given().auth().oauth2(sue).get("/api/approvals?" + bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void thePortfolioIsForSupervisorsAndOperators() {
        String caseId = Debts.open(kafka, Debts.debtor("pia"), "123.45");
        given().auth().oauth2(Tokens.operator()).get("/api/portfolio").then().statusCode(200)
                .body("byStatus.key", hasItem("OPEN"))
                .body("byBucket.key", hasItem("current"))
                .body("total[0].cases", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth().oauth2(Tokens.supervisor()).get("/api/portfolio").then().statusCode(200);
        given().auth().oauth2(Tokens.agent()).get("/api/portfolio").then().statusCode(403);
        given().auth().oauth2(Tokens.borrower("pia")).get("/api/portfolio").then().statusCode(403);
        given().get("/api/portfolio").then().statusCode(401);
        assertThat(caseId).isNotNull();
    }

    @Test
    void messagesAndStatements() throws Exception {
        String debtor = Debts.debtor("quinn");
        String caseId = Debts.open(kafka, debtor, "300.00");
        Debts.plan(debtor, caseId, 3, Debts.today(clock).plusDays(10)).statusCode(201);
        String paymentId = Debts.pay(debtor, caseId, "150.00", UUID.randomUUID().toString()).statusCode(201)
                .extract().path("id");

        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/debts/" + caseId + "/messages").then().statusCode(400).body("violations.field", hasItem("text"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON).body(Map.of("text", "Can I pay later?"))
                .post("/api/debts/" + caseId + "/messages").then().statusCode(201).body("sender", equalTo(debtor));
        given().auth().oauth2(Tokens.borrower("x-" + debtor)).contentType(ContentType.JSON).body(Map.of("text", "hi"))
                .post("/api/debts/" + caseId + "/messages").then().statusCode(404);
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("text", "hi"))
                .post("/api/debts/" + caseId + "/messages").then().statusCode(403);
        Debts.get(Tokens.agent(), caseId).body("timeline.find { it.kind == 'MESSAGE' }.text", equalTo("Can I pay later?"))
                .body("timeline.find { it.kind == 'MESSAGE' }.by", equalTo(debtor));

        // an agent replies; the debtor reads the conversation; no one else can
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/" + caseId + "/messages").then().statusCode(400).body("violations.field", hasItem("text"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON).body(Map.of("text", "me again"))
                .post("/api/cases/" + caseId + "/messages").then().statusCode(403);
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("text", "Yes: propose a plan"))
                .post("/api/cases/" + UUID.randomUUID() + "/messages").then().statusCode(404);
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("text", "Yes: propose a plan"))
                .post("/api/cases/" + caseId + "/messages").then().statusCode(201)
                .body("sender", equalTo("agent")).body("by", equalTo("AGENT"));
        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId + "/messages").then().statusCode(200)
                .body("text", contains("Can I pay later?", "Yes: propose a plan"))
                .body("by", contains("DEBTOR", "AGENT"));
        given().auth().oauth2(Tokens.borrower("x-" + debtor)).get("/api/debts/" + caseId + "/messages").then()
                .statusCode(404);
        Debts.get(Tokens.borrower(debtor), caseId)
                .body("timeline.find { it.kind == 'REPLY' }.text", equalTo("Yes: propose a plan"))
                .body("timeline.find { it.kind == 'REPLY' }.by", equalTo("agent"));

        String csv = given().auth().oauth2(Tokens.borrower(debtor)).accept("text/csv")
                .get("/api/debts/" + caseId + "/statement").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("section,date,item,amount,detail"))
                .body(containsString("payment " + paymentId + ",150.00,APPLIED to #1 100.00 #2 50.00"))
                .body(containsString("BALANCE,,outstanding,150.00,USDT"))
                .extract().asString();
        assertThat(csv.lines().filter(l -> l.startsWith("SCHEDULE"))).hasSize(3);
        byte[] pdf = given().auth().oauth2(Tokens.agent()).accept("application/pdf")
                .get("/api/debts/" + caseId + "/statement").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(PdfTexts.of(pdf)).contains("Statement of debt case " + caseId, "outstanding  150.00",
                "payment " + paymentId);
        given().auth().oauth2(Tokens.borrower("y-" + debtor)).accept("text/csv")
                .get("/api/debts/" + caseId + "/statement").then().statusCode(404);
        given().auth().oauth2(Tokens.operator()).accept("text/csv")
                .get("/api/debts/" + caseId + "/statement").then().statusCode(403);
    }
}
