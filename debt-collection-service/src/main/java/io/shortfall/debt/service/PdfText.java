package io.shortfall.debt.service;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Lines of text on A4 pages with Apache PDFBox: the first line as a title, long lines wrapped. */
final class PdfText {

    private static final float MARGIN = 50;
    private static final float SIZE = 9;
    private static final float LEADING = 12;
    private static final int WRAP = 110;

    static byte[] render(List<String> lines) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            String clean = latin1(line);
            while (clean.length() > WRAP) {
                wrapped.add(clean.substring(0, WRAP));
                clean = "    " + clean.substring(WRAP);
            }
            wrapped.add(clean);
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < wrapped.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (int i = start; i < Math.min(wrapped.size(), start + perPage); i++) {
                        content.setFont(i == 0 ? bold : regular, i == 0 ? SIZE + 3 : SIZE);
                        content.showText(wrapped.get(i));
                        content.newLineAtOffset(0, -LEADING);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the statement PDF", e);
        }
    }

    /** What the standard fonts can show: printable Latin-1; anything else becomes '?'. */
    private static String latin1(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xff ? c : '?');
        }
        return out.toString();
    }

    private PdfText() {
    }
}
