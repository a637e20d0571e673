package circular.replies;

import static org.assertj.core.api.Assertions.assertThat;

import circular.replies.ResponseRow.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanReportTest {
  @Test
  void oneOfAKindIsSingular() {
    ScanReport report = new ScanReport(3, Map.of(Kind.REPLY, 1, Kind.BOUNCE, 1), 1, 0, List.of());

    assertThat(report.summary())
        .isEqualTo(
            "3 messages: 1 reply and 1 bounce added to responses.csv; 0 already there; 1 not about the campaign.");
  }

  @Test
  void aScanThatFoundNothingNewSaysSoAndCountsItsProblems() {
    ScanReport report =
        new ScanReport(
            0, Map.of(), 0, 0, List.of("imaps://x@y.example:993/INBOX: no such host 'y.example'"));

    assertThat(report.summary())
        .isEqualTo(
            "0 messages: nothing new for responses.csv; 0 already there; 0 not about the campaign; 1 problem.");
    assertThat(report.addedTotal()).isZero();
    assertThat(report.added(Kind.UNMATCHED)).isZero();
  }
}
