package circular.replies;

import circular.mailbox.AddressesInText;
import circular.replies.DeliveryReport.Outcome;
import circular.replies.DeliveryReport.Recipient;
import circular.server.MessageId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON notification Amazon SES mails about a message it sent (directly, or wrapped in an
 * SNS notification, its quotes escaped): {@code notificationType} or {@code eventType} {@code
 * Bounce}, {@code Complaint} or {@code Delivery}, with the recipients concerned. Read with patterns
 * for the few fields it needs, not a JSON parser: the wrapped form is a JSON string inside JSON.
 * Stateless.
 */
final class SesNotification {
  private static final Pattern TYPE =
      Pattern.compile("\"(?:notificationType|eventType)\"\\s*:\\s*\"(Bounce|Complaint|Delivery)\"");
  private static final Pattern MESSAGE_ID =
      Pattern.compile(
          "\"name\"\\s*:\\s*\"Message-ID\"\\s*,\\s*\"value\"\\s*:\\s*\"([^\"]+)\"|\"messageId\"\\s*:\\s*\"(<[^\"]+>)\"",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LIST =
      Pattern.compile(
          "\"(bouncedRecipients|complainedRecipients|recipients)\"\\s*:\\s*\\[(.*?)\\]",
          Pattern.DOTALL);
  private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)\\}");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private SesNotification() {}

  static Optional<ReportReader.Reading> read(String text) {
    String json = text.replace("\\\"", "\"").replace("\\/", "/").replaceAll("!?\\r?\\n ", "");
    Matcher type = TYPE.matcher(json);
    if (!type.find()) {
      return Optional.empty();
    }
    Outcome outcome =
        switch (type.group(1)) {
          case "Complaint" -> Outcome.COMPLAINT;
          case "Delivery" -> Outcome.DELIVERED;
          default -> Outcome.FAILED;
        };
    List<Recipient> recipients = new ArrayList<>();
    Matcher list = LIST.matcher(json);
    while (list.find()) {
      Matcher object = OBJECT.matcher(list.group(2));
      boolean any = false;
      while (object.find()) {
        any = true;
        String fields = object.group(1);
        field(fields, "emailAddress")
            .ifPresent(
                a ->
                    recipients.add(
                        new Recipient(
                            a,
                            field(fields, "status").orElse(""),
                            field(fields, "diagnosticCode").orElse(""))));
      }
      if (!any) {
        Matcher s = STRING.matcher(list.group(2));
        while (s.find()) {
          AddressesInText.first(s.group(1))
              .ifPresent(a -> recipients.add(new Recipient(a, "", "")));
        }
      }
    }
    String feedback =
        outcome == Outcome.COMPLAINT ? field(json, "complaintFeedbackType").orElse("abuse") : "";
    return Optional.of(new ReportReader.Reading(outcome, recipients, feedback));
  }

  /** The Message-IDs of the letter a notification quotes among its headers. */
  static List<String> ids(String text) {
    List<String> ids = new ArrayList<>();
    Matcher m = MESSAGE_ID.matcher(text.replace("\\\"", "\""));
    while (m.find()) {
      MessageId.allIn(m.group(1) != null ? m.group(1) : m.group(2))
          .forEach(id -> ids.add(id.text()));
    }
    return ids;
  }

  private static Optional<String> field(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
