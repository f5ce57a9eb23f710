package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A praatplaat topic is handed out once: after that it stays in the list, disabled, and says why. */
class EvaluationTopicsBrowserTest extends LiveBoardTestBase {

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void aTopicHandedOutCannotBeChosenAgain() {
    TestServer.CreatedBoard board = server.createBoard("Topics", "driehoeksgesprek");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    moveMeetingTo(teacher, "lookback");

    Locator topic = teacher.getByTestId("evaluation-topic");
    Locator connection = topic.locator("option[value=connection]");
    assertThat(connection).isEnabled();
    topic.selectOption("connection");
    teacher.getByTestId("add-evaluation").click();
    teacher.locator("[data-testid=evaluation-card][data-topic=connection]").waitFor();

    assertThat(connection).isDisabled();
    assertThat(connection).hasText("Seek connection with parents (already handed out)");
    assertThat(topic).not().hasValue("connection");
    assertThat(topic).hasAccessibleDescription(
      "Each topic is handed out once; those already handed out cannot be chosen.");

    // Handing out what the list now shows gives a second, different card, never the same topic twice.
    teacher.getByTestId("add-evaluation").click();
    assertThat(teacher.getByTestId("evaluation-card")).hasCount(2);
    assertThat(teacher.locator("[data-testid=evaluation-card][data-topic=connection]")).hasCount(1);

    // Once all nine are out there is nothing left to hand out.
    for (int cards = 3; cards <= 9; cards++) {
      teacher.getByTestId("add-evaluation").click();
      assertThat(teacher.getByTestId("evaluation-card")).hasCount(cards);
    }
    assertThat(topic).isDisabled();
    assertThat(teacher.getByTestId("add-evaluation")).isDisabled();
    assertThat(teacher.getByTestId("evaluation-topic-help")).hasText("All topics have been handed out.");
  }
}
