package org.aantafel.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordPdfTest {

  private final MeetingRecord record = ZorgoverlegBoard.record();
  private final byte[] pdf = RecordPdf.render(record);

  @Test
  void theTextKeepsItsAccents() {
    String text = FormatText.withoutSpace(PdfText.text(pdf));
    for (String expected : List.of("Zoë de Vries", "José Martínez", "Ólafur Jónsson", "(ëéó)",
        "zorgcoördinator / intern begeleider", "Weekrooster maken", "Gesprek met de huisarts plannen",
        "Juf Anneké", FormatText.normalise(ZorgoverlegBoard.GOAL))) {
      assertTrue(text.contains(FormatText.withoutSpace(expected)), () -> "PDF text lacks " + expected + ":\n" + text);
    }
  }

  @Test
  void typedMarkupIsPrintedAsText() {
    String text = FormatText.withoutSpace(PdfText.text(pdf));
    assertTrue(text.contains(FormatText.withoutSpace(ZorgoverlegBoard.SCRIPT)), text);
    assertTrue(text.contains(FormatText.withoutSpace(ZorgoverlegBoard.LINK)), text);
  }

  @Test
  void carriesDejaVuSansRegularAndBold() {
    List<String> fonts = PdfText.fonts(pdf);
    assertTrue(fonts.stream().noneMatch(name -> name.endsWith("(not embedded)")), fonts::toString);
    assertTrue(fonts.stream().anyMatch(name -> name.endsWith("DejaVuSans")), fonts::toString);
    assertTrue(fonts.stream().anyMatch(name -> name.endsWith("DejaVuSans-Bold")), fonts::toString);
  }
}
