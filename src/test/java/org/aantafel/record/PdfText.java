package org.aantafel.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a reader of the PDF gets: its text, and the fonts its pages use. */
public final class PdfText {

  private PdfText() {
  }

  public static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Base font names (a subset prefix such as "ABCDEF+" included) of the fonts the pages use, each followed by
   * " (not embedded)" when the file leaves it to the reader's fonts.
   */
  static List<String> fonts(byte[] pdf) {
    List<String> names = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (var name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          names.add(font.getName() + (font.isEmbedded() ? "" : " (not embedded)"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
