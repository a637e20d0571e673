package circular.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import circular.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The append-only log under sent.csv and responses.csv, written and read without either. */
class CsvLogTest {
  private static final List<String> HEADER = List.of("time", "id", "note");

  @TempDir Path dir;

  private List<List<String>> rows(Path file) {
    return CsvLog.readAll(file, "test log", (record, line) -> record.toList());
  }

  @Test
  void aNewLogGetsItsHeaderOnceAndEveryRowIsNumbered() throws IOException {
    Path file = dir.resolve("logs").resolve("log.csv");
    try (CsvLog log = CsvLog.open(file, HEADER)) {
      assertThat(log.append(List.of("t1", "AUT", "first"))).isEqualTo(2);
    }
    try (CsvLog log = CsvLog.open(file, HEADER)) {
      assertThat(log.append(List.of("t2", "BEL", "second")))
          .as("counted from this opening")
          .isEqualTo(1);
    }

    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo("time,id,note\nt1,AUT,first\nt2,BEL,second\n");
    assertThat(rows(file))
        .containsExactly(List.of("t1", "AUT", "first"), List.of("t2", "BEL", "second"));
  }

  @Test
  void aCellIsOneLineQuotedAsRfc4180WantsAndNeverAFormula() throws IOException {
    Path file = dir.resolve("log.csv");
    try (CsvLog log = CsvLog.open(file, HEADER)) {
      log.append(List.of("t1", "=HYPERLINK(\"x\")", "two\r\nlines, one comma"));
    }

    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo("time,id,note\nt1,\"'=HYPERLINK(\"\"x\"\")\",\"two  lines, one comma\"\n");
  }

  @Test
  void aRowTornBeforeItsLastCellIsNeverReadAndIsCutOffWhenTheLogOpensAgain() throws IOException {
    Path file = dir.resolve("log.csv");
    Files.writeString(file, "time,id,note\nt1,AUT,first\nt2,BE", StandardCharsets.UTF_8);

    assertThat(rows(file)).containsExactly(List.of("t1", "AUT", "first"));
    try (CsvLog log = CsvLog.open(file, HEADER)) {
      log.append(List.of("t3", "CHL", "third"));
    }

    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo("time,id,note\nt1,AUT,first\nt3,CHL,third\n");
  }

  @Test
  void aLogWrittenBeforeItsLastColumnsIsWidenedAndAnyOtherFileLeftAsItIs() throws IOException {
    Path old = dir.resolve("old.csv");
    Files.writeString(old, "time,id\nt1,AUT\n", StandardCharsets.UTF_8);
    Path other = dir.resolve("other.csv");
    Files.writeString(other, "when,who\nt1,AUT\n", StandardCharsets.UTF_8);

    CsvLog.open(old, HEADER).close();

    assertThat(Files.readString(old, StandardCharsets.UTF_8)).isEqualTo("time,id,note\nt1,AUT,\n");
    CsvLog.open(other, HEADER).close();

    assertThat(Files.readString(other, StandardCharsets.UTF_8))
        .as("another header: not this log's to widen")
        .isEqualTo("when,who\nt1,AUT\n");
  }

  @Test
  void rowsAppendedFromManyThreadsAreEachWholeAndSyncWaitsForThemAll() throws Exception {
    Path file = dir.resolve("log.csv");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (CsvLog log = CsvLog.open(file, HEADER)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    log.sync(
                        log.append(
                            List.of("t" + thread, "id-" + thread + "-" + i, "x".repeat(200))));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdown();
      assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    List<List<String>> rows = rows(file);
    assertThat(rows)
        .hasSize(1000)
        .allSatisfy(r -> assertThat(r).hasSize(3).endsWith("x".repeat(200)));
    assertThat(rows.stream().map(r -> r.get(1)).distinct()).hasSize(1000);
  }

  @Test
  void aFileThatIsNotSuchALogIsAnInputErrorNamingIt() throws IOException {
    Path file = dir.resolve("log.csv");
    Files.write(file, new byte[] {'t', 'i', 'm', 'e', '\n', (byte) 0xff, '\n'});

    assertThatThrownBy(() -> rows(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": cannot be read as a test log: ");
  }
}
