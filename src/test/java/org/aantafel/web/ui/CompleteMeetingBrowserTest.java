package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole meeting, start to end, with three screens open at once: the teacher chairing on a laptop, a parent on a
 * phone who joined through the participant link, and the projector. After every step each screen must show the same
 * thing: a reader script takes the relevant values from a page, and the test waits until all three pages give the
 * expected answer.
 */
class CompleteMeetingBrowserTest extends LiveBoardTestBase {

  // Readers: scripts that take what a page shows, as JSON-comparable values.
  private static final String PHASE = "() => document.querySelector('[data-testid=phase-nav]')?.dataset.meetingPhase"
    + " ?? document.querySelector('[data-testid=projector-phase]')?.dataset.phase ?? null";
  // What a field shows: a control's value, or the words of a field shown as text (a chosen person or a date as text
  // keeps the control's value in data-value).
  // A form control's or <data> element's value, a read-only text's data-value, or else its text (the big screen and
  // closed meetings show text, not fields).
  private static final String SHOWN = "const shown = (el) => el == null ? null"
    + " : el.matches('input, textarea, select, data') ? el.value : (el.dataset.value ?? el.textContent.trim());";
  private static final String TITLE = "() => { " + SHOWN + " return shown(document.querySelector('[data-testid=board-title]'))"
    + " ?? document.querySelector('[data-testid=projector-title]')?.textContent.trim() ?? null; }";
  private static final String AGENDA_TITLES = rows("agenda-item", "value(row, 'agenda-item-title')");
  private static final String LATE_TITLES = rows("agenda-item[data-late=true]", "value(row, 'agenda-item-title')");
  private static final String CURRENT_TITLES = rows("agenda-item[data-current=true]", "value(row, 'agenda-item-title')");
  private static final String AGENDA_STATUSES = rows("agenda-item", "row.dataset.status");
  // The compact agenda: every row says its timebox; only an opened row (the current one) has the notes.
  private static final String TIMEBOXES = rows("agenda-item", "value(row, 'agenda-item-timebox-summary')");
  private static final String NOTES = rows("agenda-item[data-current=true]", "value(row, 'agenda-item-notes')");
  private static final String BALANCE = "() => ['family', 'school', 'care'].map((side) =>"
    + " document.querySelector(`[data-testid=balance-${side}]`)?.dataset.count ?? null)";
  private static final String CHECKINS = sorted(rows("checkin-card", "row.dataset.participantId + ': ' + value(row, 'checkin-text')"));
  private static final String GOAL = "() => { " + SHOWN + " return shown(document.querySelector('[data-testid=goal]')); }";
  private static final String AGREEMENTS = rows("agreement-row", "row.dataset.stance + ': ' + value(row, 'agreement-text')");
  private static final String ACTIONS = rows("action-row", "[value(row, 'action-what'), value(row, 'action-who-participant'),"
    + " value(row, 'action-due'), value(row, 'action-status')]");
  private static final String FOLLOW_UP = "() => { " + SHOWN + " return [shown(document.querySelector('[data-testid=lead-participant]')),"
    + " shown(document.querySelector('[data-testid=evaluation-date]'))]; }";
  private static final String GOAL_CHECK_COUNTS = "() => ['met', 'partly', 'not'].map((v) =>"
    + " document.querySelector(`[data-testid=goal-check-count-${v}]`)?.dataset.count ?? null)";
  private static final String GOAL_CHECKS = sorted(rows("goal-check-result",
    "row.dataset.verdict + ': ' + (row.querySelector('.comment')?.textContent.trim() ?? '')"));
  private static final String EVALUATIONS = rows("evaluation-card", "[row.dataset.topic, row.dataset.assignedTo,"
    + " value(row, 'evaluation-how'), value(row, 'evaluation-good'), value(row, 'evaluation-better')]");
  private static final String CLOSED_NOTICES = "() => document.querySelectorAll('[data-testid=meeting-closed]').length";

  private static final String CURRENT_TIMER = "[data-testid=agenda-item][data-current=true] [data-testid=timer-display]";
  private static final String PROJECTOR_TIMER = "[data-testid=projector-current-item] [data-testid=timer-display]";

  private Page teacher;
  private Page parent;
  private Page projector;

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void aWholeMeetingLooksTheSameOnLaptopPhoneAndProjector() {
    TestServer.CreatedBoard board = server.createBoard("Gesprek over Sam", "empty");
    teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    parent = join(board.link("participant"), "Bram", "parent", 360, 740);
    projector = newPage(1280, 720);
    projector.navigate(board.link("projector"));
    projector.getByTestId("projector-phase").waitFor();
    String anna = participantId("Anna");
    String bram = participantId("Bram");
    showsEverywhere("the phase", PHASE, "prepare");
    showsEverywhere("the title", TITLE, "Gesprek over Sam");

    // Prepare: both bring in an item, the balance is even, the agenda is frozen, then a late item.
    add(teacher, "add-agenda-item", "Huiswerk plannen");
    add(parent, "add-agenda-item", "Rust thuis");
    showsEverywhere("the agenda", AGENDA_TITLES, List.of("Huiswerk plannen", "Rust thuis"));
    showsEverywhere("the balance family/school/care", BALANCE, List.of("1", "1", "0"));
    assertTrue(teacher.locator("[data-testid=agenda-item-proposer][data-role=parent]").textContent().contains("Bram"),
      "the teacher sees who proposed the parent's item");
    teacher.getByTestId("freeze-agenda").click();
    parent.getByTestId("agenda-frozen-notice").waitFor();
    projector.getByTestId("agenda-frozen-notice").waitFor();
    add(parent, "add-agenda-item", "Vervoer naar school");
    showsEverywhere("the agenda", AGENDA_TITLES, List.of("Huiswerk plannen", "Rust thuis", "Vervoer naar school"));
    showsEverywhere("the late items", LATE_TITLES, List.of("Vervoer naar school"));
    showsEverywhere("the balance family/school/care", BALANCE, List.of("2", "1", "0"));

    // Check-in: a card from each, on every screen.
    everyoneMovesTo("checkin");
    add(teacher, "add-checkin", "Goed, wel druk");
    add(parent, "add-checkin", "Een beetje gespannen");
    showsEverywhere("the check-in cards", CHECKINS,
      Stream.of(anna + ": Goed, wel druk", bram + ": Een beetje gespannen").sorted().toList());

    // Goal: written together, both people's words end up in one text on every screen.
    everyoneMovesTo("goal");
    teacher.getByTestId("goal").click();
    teacher.keyboard().type("Sam maakt zijn huiswerk op school.");
    waitForShown(parent, GOAL, "Sam maakt zijn huiswerk op school.");
    parent.getByTestId("goal").click();
    parent.keyboard().press("Control+End");
    parent.keyboard().type(" En thuis is er rust.");
    showsEverywhere("the goal", GOAL, "Sam maakt zijn huiswerk op school. En thuis is er rust.");

    // Agenda: current item, timebox, timer, notes, status and order.
    everyoneMovesTo("agenda");
    agendaRow(teacher, "Rust thuis").getByTestId("agenda-item-make-current").click();
    showsEverywhere("the current item", CURRENT_TITLES, List.of("Rust thuis"));
    projector.locator("[data-testid=projector-current-item] .projector-item-title").filter(
      new Locator.FilterOptions().setHasText("Rust thuis")).waitFor();
    agendaRow(teacher, "Rust thuis").getByTestId("agenda-item-timebox").fill("10");
    agendaRow(teacher, "Rust thuis").getByTestId("agenda-item-timebox").press("Tab");
    showsEverywhere("the timeboxes", TIMEBOXES, List.of("", "10", ""));
    agendaRow(teacher, "Rust thuis").getByTestId("timer-start").click();
    timerCounts(parent, CURRENT_TIMER);
    timerCounts(projector, PROJECTOR_TIMER);
    agendaRow(teacher, "Rust thuis").getByTestId("timer-pause").click();
    for (Page page : List.of(teacher, parent)) {
      page.locator(CURRENT_TIMER + "[data-running=false]").waitFor();
    }
    projector.locator(PROJECTOR_TIMER + "[data-running=false]").waitFor();
    String paused = teacher.locator(CURRENT_TIMER).getAttribute("data-elapsed-seconds");
    assertTrue(Integer.parseInt(paused) >= 1, "the timer counted before the pause: " + paused);
    waitForShown(parent, "() => document.querySelector('" + CURRENT_TIMER + "').dataset.elapsedSeconds", paused);
    assertEquals(paused, projector.locator(PROJECTOR_TIMER).getAttribute("data-elapsed-seconds"), "the projector's big timer");
    agendaRow(teacher, "Rust thuis").getByTestId("agenda-item-notes").fill("Sam slaapt slecht door de telefoon.");
    // The big screen shows the current item's notes with it, not in the list.
    waitForShown(parent, NOTES, List.of("Sam slaapt slecht door de telefoon."));
    projector.getByTestId("projector-current-notes").filter(
      new Locator.FilterOptions().setHasText("Sam slaapt slecht door de telefoon.")).waitFor();
    open(agendaRow(teacher, "Huiswerk plannen")).getByTestId("agenda-item-status").selectOption("done");
    open(agendaRow(teacher, "Vervoer naar school")).getByTestId("agenda-item-status").selectOption("postponed");
    showsEverywhere("the statuses", AGENDA_STATUSES, List.of("done", "open", "postponed"));
    open(agendaRow(teacher, "Vervoer naar school")).getByTestId("agenda-item-up").click();
    showsEverywhere("the agenda", AGENDA_TITLES, List.of("Huiswerk plannen", "Vervoer naar school", "Rust thuis"));
    showsEverywhere("the statuses", AGENDA_STATUSES, List.of("done", "postponed", "open"));
    showsEverywhere("the current item", CURRENT_TITLES, List.of("Rust thuis"));

    // Agreements: one agreed, one not (yet); an action; the parent sets the lead and the evaluation date.
    everyoneMovesTo("agreements");
    add(teacher, "add-agreement-agree", "Sam zet de telefoon om negen uur weg");
    add(parent, "add-agreement-disagree", "Hoeveel huiswerk per avond");
    showsEverywhere("the agreements", AGREEMENTS,
      List.of("agree: Sam zet de telefoon om negen uur weg", "disagree: Hoeveel huiswerk per avond"));
    add(teacher, "add-action", "Oplaadplek in de keuken maken");
    Locator action = teacher.getByTestId("action-row").first();
    action.getByTestId("action-who-participant").selectOption(bram);
    action.getByTestId("action-due").fill("2026-12-01");
    action.getByTestId("action-status").selectOption("done");
    showsEverywhere("the actions", ACTIONS, List.of(List.of("Oplaadplek in de keuken maken", bram, "2026-12-01", "done")));
    parent.getByTestId("lead-participant").selectOption(anna);
    parent.getByTestId("evaluation-date").fill("2026-12-15");
    showsEverywhere("the lead and evaluation date", FOLLOW_UP, List.of(anna, "2026-12-15"));

    // Look back: goal checks, and a praatplaat topic handed to the parent, answered by the parent.
    everyoneMovesTo("lookback");
    for (Page page : pages()) {
      page.getByTestId("goal-quote").filter(new Locator.FilterOptions().setHasText("En thuis is er rust.")).waitFor();
    }
    teacher.getByTestId("goal-check-verdict-met").check();
    parent.getByTestId("goal-check-verdict-partly").check();
    parent.getByTestId("goal-check-comment").fill("Thuis is het nog onrustig");
    showsEverywhere("the goal check counts met/partly/not", GOAL_CHECK_COUNTS, List.of("1", "1", "0"));
    showsEverywhere("the goal checks", GOAL_CHECKS, List.of("met: ", "partly: Thuis is het nog onrustig"));
    teacher.getByTestId("evaluation-topic").selectOption("connection");
    teacher.getByTestId("evaluation-assignee").selectOption(bram);
    teacher.getByTestId("add-evaluation").click();
    showsEverywhere("the evaluation cards", EVALUATIONS, List.of(List.of("connection", bram, "", "", "")));
    Locator card = parent.getByTestId("evaluation-card").first();
    card.getByTestId("evaluation-how").fill("We praten vaker");
    card.getByTestId("evaluation-good").fill("Snel antwoord op mails");
    card.getByTestId("evaluation-better").fill("Eerder bellen");
    showsEverywhere("the evaluation cards", EVALUATIONS,
      List.of(List.of("connection", bram, "We praten vaker", "Snel antwoord op mails", "Eerder bellen")));

    // Closed: every screen says so, nothing invites an edit (what was written is shown as text, not as fields), and
    // an edit sent anyway is refused.
    everyoneMovesTo("closed");
    showsEverywhere("the closed notices", CLOSED_NOTICES, 1);
    for (Page page : List.of(teacher, parent)) {
      assertEquals(0, page.locator("input:disabled, textarea:disabled, select:disabled").count(),
        "no disabled fields in the closed meeting, only text");
      assertEquals("Gesprek over Sam", page.getByTestId("board-title").textContent(), "the title as text");
      for (Locator text : page.getByTestId("agreement-text").all()) {
        assertEquals("p", text.evaluate("el => el.tagName.toLowerCase()"), "agreements are text");
      }
      assertEquals("2026-12-15", page.getByTestId("evaluation-date").getAttribute("data-value"), "the evaluation date as text");
      assertEquals(0, page.getByTestId("add-agreement-agree").count() + page.getByTestId("add-action").count()
        + page.getByTestId("goal-check-form").count(), "no controls to add anything");
    }
    parent.evaluate("() => { document.querySelector('aan-board-page').client.set('board', 'evaluationDate', '2027-01-01'); }");
    parent.getByTestId("error-message").filter(new Locator.FilterOptions().setHasText("this meeting is closed")).waitFor();
    showsEverywhere("the lead and evaluation date", FOLLOW_UP, List.of(anna, "2026-12-15"));
    showsEverywhere("the agreements", AGREEMENTS,
      List.of("agree: Sam zet de telefoon om negen uur weg", "disagree: Hoeveel huiswerk per avond"));
    showsEverywhere("the goal checks", GOAL_CHECKS, List.of("met: ", "partly: Thuis is het nog onrustig"));
    // Closing from the board stored the final record as version 1, with what was agreed in it.
    io.vertx.core.json.JsonArray records = org.aantafel.testsupport.BusClient.await(server.http()
      .get(server.port(), "localhost", "/api/boards/" + board.id() + "/records")
      .putHeader("Authorization", "Bearer " + board.token("participant")).send()).bodyAsJsonArray();
    assertEquals(1, records.size(), "one stored record version");
    String record = org.aantafel.testsupport.BusClient.await(server.http()
      .get(server.port(), "localhost", "/api/boards/" + board.id() + "/records/1.json")
      .putHeader("Authorization", "Bearer " + board.token("participant")).send()).bodyAsString();
    assertTrue(record.contains("Sam zet de telefoon om negen uur weg"), record);
    assertEquals(List.of(), List.copyOf(pageErrors), "script errors on the pages");
  }

  /** The teacher moves the meeting on; every screen follows. */
  private void everyoneMovesTo(String phase) {
    // The parent is done typing: a field someone is still in keeps their screen where it is (TruthfulScreenBrowserTest).
    parent.evaluate("() => document.activeElement?.blur()");
    moveMeetingTo(teacher, phase);
    showsEverywhere("the phase", PHASE, phase);
    parent.getByTestId("phase-" + phase).waitFor();
  }

  /** Clicks an add button and types into the new field, which has the keyboard. */
  private static void add(Page page, String button, String text) {
    page.getByTestId(button).click();
    page.keyboard().type(text);
  }

  private List<Page> pages() {
    return List.of(teacher, parent, projector);
  }

  private String name(Page page) {
    return page == teacher ? "teacher" : page == parent ? "parent" : "projector";
  }

  private String participantId(String name) {
    return teacher.getByTestId("presence-person").filter(new Locator.FilterOptions().setHasText(name)).first()
      .getAttribute("data-participant-id");
  }

  private static Locator agendaRow(Page page, String title) {
    return page.getByTestId("agenda-item").nth(rowIndex(page, title));
  }

  /** Opens a compact agenda row to work on it (if it is not open already). */
  private static Locator open(Locator row) {
    Locator toggle = row.getByTestId("agenda-item-toggle");
    if ("false".equals(toggle.getAttribute("aria-expanded"))) {
      toggle.click();
    }
    row.getByTestId("agenda-item-detail").waitFor();
    return row;
  }

  /** Where the agenda item with this title stands on the page. */
  private static int rowIndex(Page page, String title) {
    page.waitForFunction("t => (" + AGENDA_TITLES + ")().includes(t)", title);
    Object titles = page.evaluate(AGENDA_TITLES);
    return ((List<?>) titles).indexOf(title);
  }

  /** Waits until every page's reader gives the expected value, then checks that the pages agree with each other. */
  private void showsEverywhere(String what, String reader, Object expected) {
    List<String> shown = new ArrayList<>();
    for (Page page : pages()) {
      waitForShown(page, reader, expected, what + " on the " + name(page));
      shown.add(json(page, reader));
    }
    assertEquals(1, shown.stream().distinct().count(), what + " differs between the pages: " + shown);
  }

  private void waitForShown(Page page, String reader, Object expected) {
    waitForShown(page, reader, expected, name(page));
  }

  private static void waitForShown(Page page, String reader, Object expected, String what) {
    try {
      page.waitForFunction("want => JSON.stringify((" + reader + ")()) === JSON.stringify(want)", expected);
    } catch (PlaywrightException e) {
      throw new AssertionError(what + ": expected " + expected + " but the page shows " + json(page, reader), e);
    }
  }

  private static String json(Page page, String reader) {
    return (String) page.evaluate("() => JSON.stringify((" + reader + ")())");
  }

  /** The timer is running on the page and its seconds go up. */
  private static void timerCounts(Page page, String timer) {
    Locator running = page.locator(timer + "[data-running=true]");
    running.waitFor();
    int start = Integer.parseInt(running.getAttribute("data-elapsed-seconds"));
    page.waitForFunction("([selector, start]) => Number(document.querySelector(selector)?.dataset.elapsedSeconds) > start",
      Arrays.asList(timer + "[data-running=true]", start));
  }

  /** A reader of one value per row with this test id; the expression sees `row` and `value(row, testId)`. */
  private static String rows(String testIdAndFilter, String expression) {
    int bracket = testIdAndFilter.indexOf('[');
    String selector = bracket < 0 ? "[data-testid=" + testIdAndFilter + "]"
      : "[data-testid=" + testIdAndFilter.substring(0, bracket) + "]" + testIdAndFilter.substring(bracket);
    return "() => { " + SHOWN + " const value = (row, id) => shown(row.querySelector(`[data-testid=${id}]`));"
      + " return [...document.querySelectorAll('" + selector + "')].map((row) => " + expression + "); }";
  }

  private static String sorted(String reader) {
    return "() => (" + reader + ")().sort()";
  }
}
