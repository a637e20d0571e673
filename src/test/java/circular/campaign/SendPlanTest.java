package circular.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import circular.recipients.Places;
import circular.recipients.Recipient;
import circular.recipients.RecipientList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendPlanTest {
  private static Recipient recipient(String id, int line) {
    return new Recipient(
        id, List.of(id.toLowerCase() + "@x.example"), List.of(), List.of(), Map.of("id", id), line);
  }

  private static SentRow last(String id, Status status) {
    return new SentRow(Instant.EPOCH, "invitation", id, "", "<" + id + "@m.example>", status, "");
  }

  private static final List<Recipient> LIST =
      List.of(
          recipient("AUT", 2),
          recipient("BEL", 3),
          recipient("CHL", 4),
          recipient("DNK", 5),
          recipient("ECU", 6),
          recipient("FRA", 7));
  private static final RecipientList STATES =
      new RecipientList(
          Path.of("states.csv"), new Places.Csv(Path.of("states.csv")), List.of("id"), LIST);
  private static final Map<String, SentRow> LATEST =
      Map.of(
          "aut", last("AUT", Status.SENT),
          "bel", last("BEL", Status.DEFERRED),
          "chl", last("CHL", Status.FAILED),
          "dnk", last("DNK", Status.IN_DOUBT),
          "ecu", last("ECU", Status.SENDING));

  @Test
  void skipsSentRetriesDeferredAndLeavesFailedAndDoubtfulAlone() {
    SendPlan plan = SendPlan.of(LIST, LATEST, false, false, 0);

    assertThat(plan.toSend()).extracting(p -> p.recipient().id()).containsExactly("BEL", "FRA");
    assertThat(plan.toSend().get(0).previous()).contains(LATEST.get("bel"));
    assertThat(plan.toSend().get(1).previous()).isEmpty();
    assertThat(plan.alreadySent()).extracting(Recipient::id).containsExactly("AUT");
    assertThat(plan.failedLeft()).extracting(SentRow::recipientId).containsExactly("CHL");
    assertThat(plan.inDoubtLeft()).extracting(SentRow::recipientId).containsExactly("DNK", "ECU");
  }

  @Test
  void failedAreRetriedOnlyWhenAskedAndDoubtfulOnlyWhenAsked() {
    assertThat(SendPlan.of(LIST, LATEST, true, false, 0).toSend())
        .extracting(p -> p.recipient().id())
        .containsExactly("BEL", "CHL", "FRA");
    assertThat(SendPlan.of(LIST, LATEST, false, true, 0).toSend())
        .extracting(p -> p.recipient().id())
        .containsExactly("BEL", "DNK", "ECU", "FRA");
  }

  @Test
  void aLetterInDoubtNamedInAnyCaseIsSentAgainInListOrderWithItsEarlierRow() {
    SendPlan plan =
        SendPlan.of(LIST, LATEST, false, false, 0).withInDoubtResent(Set.of("dnk"), LIST, STATES);

    assertThat(plan.toSend())
        .extracting(p -> p.recipient().id())
        .containsExactly("BEL", "DNK", "FRA");
    assertThat(plan.toSend().get(1).previous()).contains(LATEST.get("dnk"));
    assertThat(plan.inDoubtLeft()).extracting(SentRow::recipientId).containsExactly("ECU");
  }

  @Test
  void allSendsEveryLetterInDoubtAgainBeyondTheLimit() {
    SendPlan plan =
        SendPlan.of(LIST, LATEST, false, false, 1).withInDoubtResent(Set.of("ALL"), LIST, STATES);

    assertThat(plan.toSend())
        .extracting(p -> p.recipient().id())
        .containsExactly("BEL", "DNK", "ECU");
    assertThat(plan.inDoubtLeft()).isEmpty();
  }

  @Test
  void namingALetterThatIsNotInDoubtOrNotInTheListIsAnInputErrorForEachOneAsTyped() {
    SendPlan plan = SendPlan.of(LIST, LATEST, false, false, 0);

    assertThatThrownBy(
            () ->
                plan.withInDoubtResent(
                    new LinkedHashSet<>(List.of("AUT", "dnk", "Zzz")), LIST, STATES))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Object::toString)
                    .containsExactly(
                        "--resend-in-doubt: 'AUT' is not in doubt; only letters in doubt can be named here",
                        "--resend-in-doubt: no recipient with id 'Zzz' in states.csv"));
  }

  @Test
  void namingNoneLeavesThePlanAsItWas() {
    SendPlan plan = SendPlan.of(LIST, LATEST, false, false, 0);

    assertThat(plan.withInDoubtResent(Set.of(), LIST, STATES)).isSameAs(plan);
  }

  @Test
  void limitCapsTheLettersOfThisRun() {
    assertThat(SendPlan.of(LIST, Map.of(), false, false, 2).toSend())
        .extracting(p -> p.recipient().id())
        .containsExactly("AUT", "BEL");
  }
}
