package org.aantafel.record;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The record as PDF: the page's XHTML rendered by openhtmltopdf, with DejaVu Sans embedded. The PDF's own base
 * fonts cannot show ë, é or ó reliably and a reader's fonts differ, so the font travels inside the file.
 */
public final class RecordPdf {

  static final String FONT_FAMILY = "DejaVu Sans";
  private static final String PDF_STYLE = "\nbody { font-family: \"" + FONT_FAMILY + "\"; }\n";

  private RecordPdf() {
  }

  public static byte[] render(MeetingRecord record) {
    String xhtml = RecordXhtml.render(record, PDF_STYLE);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // A tagged PDF that screen readers can follow. It also leaves out the PDF base fonts, so no text can
      // silently fall back to a font the file does not carry.
      builder.usePdfUaAccessibility(true);
      builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the record as PDF", e);
    }
    return pdf.toByteArray();
  }

  private static InputStream font(String file) {
    InputStream in = RecordPdf.class.getResourceAsStream("/fonts/" + file);
    if (in == null) {
      throw new IllegalStateException("font missing from the class path: fonts/" + file);
    }
    return in;
  }
}
