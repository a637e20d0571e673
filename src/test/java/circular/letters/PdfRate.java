package circular.letters;

import circular.recipients.RecipientReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many letters a second are printed as PDFs, once warm: the 70 sample letters, rendered
 * (template and PDF) on one thread, then on one thread per core. A measurement, not a test; run it
 * from the project folder after {@code mvn test-compile}:
 *
 * <pre>
 * {@code java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) circular.letters.PdfRate}
 * </pre>
 */
public final class PdfRate {
  private PdfRate() {}

  public static void main(String[] args) throws Exception {
    LetterTemplate template =
        LetterTemplate.load(Path.of("letter-templates/2012-03-22-nim-invitation"));
    var recipients =
        new RecipientReader().read(Path.of("recipients/ccm-states-parties-2012.csv")).recipients();
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      long bytes = 0;
      for (var recipient : recipients) {
        bytes += template.pdf(template.render(recipient)).length;
      }
      report("1 thread, round " + round, recipients.size(), start, bytes);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    try {
      for (int round = 1; round <= 2; round++) {
        long start = System.nanoTime();
        List<Future<byte[]>> pdfs = new ArrayList<>();
        for (var recipient : recipients) {
          pdfs.add(pool.submit(() -> template.pdf(template.render(recipient))));
        }
        long bytes = 0;
        for (Future<byte[]> pdf : pdfs) {
          bytes += pdf.get().length;
        }
        report(cores + " threads, round " + round, recipients.size(), start, bytes);
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void report(String what, int letters, long start, long bytes) {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%-20s %d letters in %.2f s: %.1f letters/s, %d KB per PDF%n",
        what, letters, seconds, letters / seconds, bytes / letters / 1024);
  }
}
