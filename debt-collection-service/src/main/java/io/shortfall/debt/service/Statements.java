package io.shortfall.debt.service;

import io.shortfall.debt.rest.DebtCaseView;
import io.shortfall.debt.rest.PaymentView;
import io.shortfall.debt.rest.PlanView;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A case's statement (docs/DOMAIN.md: receipt, schedule, payments, balance) as CSV rows
 * {@code section,date,item,amount,detail}, and the same lines as a PDF.
 */
@ApplicationScoped
public class Statements {

    /** One line of the statement. */
    public record Line(String section, String date, String item, BigDecimal amount, String detail) {
    }

    public List<Line> lines(DebtCaseView view) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("CASE", view.openedAt().toString(), "debt case " + view.id(), view.amount(),
                view.currency() + ", status " + view.status() + ", time zone " + view.timeZone()));
        if (view.receipt() != null) {
            var r = view.receipt();
            lines.add(new Line("RECEIPT", null, "liquidation " + view.liquidationId() + " gross", r.gross(), null));
            lines.add(new Line("RECEIPT", null, "fee", r.fee(), null));
            lines.add(new Line("RECEIPT", null, "debt", r.debt(), null));
            lines.add(new Line("RECEIPT", null, "debt covered", r.debtCovered(), null));
            lines.add(new Line("RECEIPT", null, "shortfall", r.shortfall(), null));
        }
        PlanView plan = view.plan();
        if (plan != null) {
            for (PlanView.Line i : plan.installments()) {
                lines.add(new Line("SCHEDULE", i.dueDate().toString(), "installment " + i.n(), i.amount(),
                        i.status() + ", paid " + i.paid().toPlainString()));
            }
        }
        for (PaymentView p : view.payments()) {
            lines.add(new Line("PAYMENT", p.receivedAt().toString(), "payment " + p.id(), p.amount(), p.status()
                    + (p.allocations().isEmpty() ? "" : " to " + p.allocations().stream()
                    .map(a -> "#" + a.n() + " " + a.amount().toPlainString()).collect(Collectors.joining(" ")))
                    + (p.reversalReason() == null ? "" : ", reversed: " + p.reversalReason())));
        }
        lines.add(new Line("BALANCE", null, "paid", view.paid(), null));
        if (view.discount() != null) {
            lines.add(new Line("BALANCE", null, "forgiven", view.discount(), null));
        }
        lines.add(new Line("BALANCE", null, "outstanding", view.outstanding(), view.currency()));
        return lines;
    }

    public String csv(DebtCaseView view) {
        StringBuilder out = new StringBuilder("section,date,item,amount,detail\r\n");
        for (Line line : lines(view)) {
            out.append(cell(line.section())).append(',').append(cell(line.date())).append(',')
                    .append(cell(line.item())).append(',')
                    .append(line.amount() == null ? "" : line.amount().toPlainString()).append(',')
                    .append(cell(line.detail())).append("\r\n");
        }
        return out.toString();
    }

    public byte[] pdf(DebtCaseView view) {
        List<String> text = new ArrayList<>();
        text.add("Statement of debt case " + view.id());
        for (Line line : lines(view)) {
            text.add(line.section() + "  " + (line.date() == null ? "" : line.date() + "  ") + line.item() + "  "
                    + (line.amount() == null ? "" : line.amount().toPlainString()) + "  "
                    + (line.detail() == null ? "" : line.detail()));
        }
        return PdfText.render(text);
    }

    /** The settlement letter of a settled case: what was owed, paid and forgiven; nothing more is owed. */
    public byte[] settlementLetter(DebtCaseView view, java.time.Instant settledAt) {
        List<String> text = new ArrayList<>();
        text.add("Settlement letter");
        text.add("");
        text.add("Debtor: " + view.debtorId());
        text.add("Debt case: " + view.id() + " (liquidation " + view.liquidationId() + " of loan " + view.loanId() + ")");
        text.add("Settled: " + (settledAt == null ? "" : settledAt.toString()));
        text.add("");
        text.add("Amount owed: " + view.amount().toPlainString() + " " + view.currency());
        text.add("Paid: " + view.paid().toPlainString() + " " + view.currency());
        BigDecimal forgiven = view.discount() == null ? BigDecimal.ZERO.setScale(2) : view.discount();
        text.add("Forgiven by settlement: " + forgiven.toPlainString() + " " + view.currency());
        text.add("Outstanding: " + view.outstanding().toPlainString() + " " + view.currency());
        text.add("");
        text.add("This debt is settled in full: nothing more is owed on this case.");
        return PdfText.render(text);
    }

    /** RFC 4180 quoting, and a leading = + - @ neutralised so a spreadsheet never runs a cell as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
