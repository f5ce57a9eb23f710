package org.aantafel.web.ui;

import com.deque.html.axecore.results.Rule;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import org.aantafel.testsupport.Axe;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.Collectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With SMTP configured: a parent leaves an address when joining, the facilitator sets the date and sends the agenda
 * and the invitation from the board, and axe finds nothing on the form and the mail section.
 */
class MailBrowserTest extends LiveBoardTestBase {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
    .withPerMethodLifecycle(false);

  /**
   * The base class's server has no SMTP; this one does. It needs a Vert.x of its own: two servers on one event bus
   * would share the hub's addresses.
   */
  private static Vertx mailVertx;
  private static TestServer mailServer;

  @BeforeAll
  static void startServerWithMail() {
    mailVertx = Vertx.vertx();
    mailServer = TestServer.startWithSmtp(mailVertx, SMTP.getSmtp().getPort());
  }

  @AfterAll
  static void stopServerWithMail() {
    if (mailServer != null) {
      mailServer.close();
    }
    if (mailVertx != null) {
      mailVertx.close();
    }
  }

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void aParentLeavesAnAddressAndTheFacilitatorSendsAgendaAndInvitation() {
    TestServer.CreatedBoard board = mailServer.createBoard("Gesprek over Sam", "driehoeksgesprek");
    Page parent = newPage(360, 740);
    parent.navigate(board.link("participant"));
    parent.getByTestId("join-email").waitFor();
    assertNoViolations(parent, "join form with e-mail");
    parent.getByTestId("join-name").fill("Bram");
    parent.getByTestId("join-role").selectOption("parent");
    parent.getByTestId("join-email").fill("bram@family.test");
    parent.getByTestId("join-submit").click();
    parent.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    assertThat(parent.getByTestId("email-notice")).containsText("We sent you an e-mail");
    // Nothing of the meeting reaches the address before its owner opens the link in the one mail it received.
    SMTP.waitForIncomingEmail(20_000, 1);
    String confirmation = text(SMTP.getReceivedMessages()[0]);
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S+/confirm\\.html#\\S+")
      .matcher(confirmation);
    org.junit.jupiter.api.Assertions.assertTrue(link.find(), confirmation);
    Page mailbox = newPage(360, 740);
    mailbox.navigate(link.group());
    assertThat(mailbox.getByTestId("confirm-status")).hasAttribute("data-state", "confirmed");
    assertThat(mailbox.getByTestId("confirm-status")).containsText("Your e-mail address is confirmed.");
    assertEquals(mailServer.baseUrl() + "/confirm.html", mailbox.url(), "the secret left the address bar");
    assertNoViolations(mailbox, "address confirmed");
    mailbox.reload();
    assertThat(mailbox.getByTestId("confirm-status")).hasAttribute("data-state", "failed");

    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 900);
    Locator mail = teacher.getByTestId("mail-section");
    mail.waitFor();
    assertThat(teacher.getByTestId("mail-invitation")).isDisabled();
    assertNoViolations(teacher, "facilitator with the mail section");

    teacher.getByTestId("mail-agenda").click();
    assertThat(teacher.getByTestId("mail-status")).hasText("Sent to 1 address.");
    teacher.getByTestId("scheduled-at").fill("2027-01-15T14:30");
    teacher.getByTestId("scheduled-at").press("Tab");
    assertThat(teacher.getByTestId("mail-invitation")).isEnabled();
    teacher.getByTestId("mail-invitation").click();
    assertThat(teacher.getByTestId("mail-status")).hasText("Sent to 1 address.");
    SMTP.waitForIncomingEmail(20_000, 3);
    assertEquals(List.of("Agenda: Gesprek over Sam", "Confirm your e-mail address for Aan Tafel",
        "Invitation: Gesprek over Sam"),
      java.util.Arrays.stream(SMTP.getReceivedMessages()).map(m -> {
        try {
          return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }).sorted().toList());

    parent.getByTestId("change-identity").click();
    parent.getByTestId("join-forget-email").check();
    assertNoViolations(parent, "changing my details with e-mail");
    parent.waitForResponse(response -> response.url().endsWith("/contact")
      && "DELETE".equals(response.request().method()) && response.status() == 204,
      () -> parent.getByTestId("join-submit").click());
    teacher.getByTestId("mail-agenda").click();
    assertThat(teacher.getByTestId("mail-status")).hasText("Sent to 0 addresses.");
  }

  private static String text(jakarta.mail.internet.MimeMessage message) {
    try {
      return String.valueOf(message.getContent());
    } catch (jakarta.mail.MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertNoViolations(Page page, String view) {
    List<Rule> violations = Axe.violations(page);
    assertEquals("", violations.stream().map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes()
      .stream().map(node -> node.getHtml()).collect(Collectors.joining(" "))).collect(Collectors.joining("\n")), view);
  }
}
