package io.shortfall.debt.rest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;

/** The text of a PDF, read back with PDFBox. */
final class PdfTexts {
    static String of(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private PdfTexts() {
    }
}
