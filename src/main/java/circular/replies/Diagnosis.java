package circular.replies;

import circular.mailbox.AddressesInText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server said about one recipient, reduced for a person to act on: the status code ({@code
 * 5.1.1}, or the SMTP reply code {@code 550} when it gave no other) and the reason in a few words
 * ({@code user unknown}, {@code mailbox full}, {@code rejected as spam}…). The words are read from
 * the server's own text first — the same status code covers many reasons (a {@code 5.7.1} may be
 * spam, relaying or policy) — then from the code. Immutable.
 *
 * <pre>{@code
 * Diagnosis.of("5.0.0", "smtp; 550 5.1.1 <x@y.example>... User Unknown")  // 5.1.1 user unknown
 * }</pre>
 *
 * @param status the most specific code given, or empty
 * @param reason a few words, or empty when neither text nor code tells
 */
record Diagnosis(String status, String reason) {
  private static final Pattern ENHANCED =
      Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?!\\.?\\d)");
  private static final Pattern REPLY_CODE =
      Pattern.compile("(?<![\\d.#:/-])([45][0-5]\\d)(?=[ \\-]|$)");

  /** Reasons in the server's words, the most telling first; searched in lower case. */
  private static final List<Map.Entry<Pattern, String>> SAID =
      List.of(
          said("virus|malware|infected", "virus found"),
          said("grey ?list|gray ?list", "greylisted"),
          said(
              "mailbox (?:is )?full|mail ?box.{0,25}(?:over|exceed\\w*).{0,12}(?:quota|size|limit)|over ?quota|"
                  + "quota (?:exceeded|full)|exceed\\w* (?:the |their |his |her )?(?:storage|quota)|insufficient (?:disk |storage )?(?:space|storage)|"
                  + "disk ?quota|(?:mailbox|inbox|user|account)\\b.{0,20}\\bis full|\\bfull mailbox|mailbox (?:has )?exceeded|storage (?:space )?(?:is )?full",
              "mailbox full"),
          said(
              "(?:message|mail|e-?mail)(?: size)? (?:is |was )?too (?:large|big)|\\btoo (?:large|big)\\b|exceeds? (?:the )?(?:maximum |max\\.? |allowed )?(?:message |mail )?size|"
                  + "size limit|message size|larger than (?:the )?(?:maximum|allowed)",
              "message too big"),
          said(
              "\\bspf\\b|\\bdkim\\b|dmarc|sender policy framework|unauthenticated (?:e-?mail|sender)|sender (?:address )?(?:is )?not authenticated|authentication (?:check )?failed",
              "sender authentication failed"),
          said(
              "reverse dns|reverse lookup|\\bptr\\b|\\brdns\\b|(?:client |your )?host ?name (?:lookup|does not resolve)|no reverse|reverse (?:dns )?record",
              "no reverse DNS for the sender"),
          said(
              "\\bspam|\\bjunk|black ?list|block ?list|blocked using|(?<!not )listed (?:in|on|at|by)|\\brbl\\b|\\bdnsbl\\b|spamhaus|spamcop|"
                  + "\\bsorbs\\b|reputation|bulk (?:mail|e-?mail)|unsolicited|\\buce\\b|poor sender",
              "rejected as spam"),
          said(
              "malformed|syntax|bad address syntax|illegal address|invalid address format",
              "address syntax error"),
          said(
              "disabled|deactivated|\\binactive|suspended|account (?:is )?locked|mailbox (?:is )?locked|frozen|"
                  + "account (?:has been )?(?:closed|expired|terminated|deleted)|no longer (?:active|valid|available|in use|exists?)|"
                  + "mailbox (?:has been )?(?:removed|deleted)",
              "mailbox disabled"),
          said(
              "has moved|moved to|changed (?:his |her |their )?(?:e-?mail )?address|no longer (?:at|with) ",
              "mailbox moved"),
          said(
              "host unknown|unknown host|host not found|domain not found|no such domain|domain (?:does not|doesn'?t) exist|"
                  + "domain (?:name )?(?:is )?(?:invalid|unknown|not exist\\w*)|unrouteable|unroutable|\\bno mx\\b|mx (?:record )?not found|"
                  + "name service error|nxdomain|name or service not known|could ?n[o']t find any host|no route to domain|domain lookup failed|"
                  + "host or domain name not found|dns (?:error|failure|lookup failed)|could not find a gateway|no such host|unknown domain|bad domain|"
                  + "bad destination (?:system|host|domain)|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)+\\.? (?:does not exist|doesn'?t exist|not found)",
              "host unknown"),
          said(
              "user unknown|unknown user|no such (?:user|mailbox|recipient|account|address|person|local user)|"
                  + "recipientnotfound|(?:user|mailbox|recipient|addressee|account)(?: name)?(?: <address>)?(?: is)? (?:unknown|not found|does not exist|doesn'?t exist|not exist\\w*|not recognized|not listed|nonexistent|non-existent)|"
                  + "invalid (?:recipient|mailbox|user)|unknown (?:recipient|mailbox|local.?part|addressee|alias)|not listed in|"
                  + "not a valid (?:mailbox|user|recipient)|undeliverable address|not our customer|does not have an? (?:\\S+ )?account|"
                  + "doesn'?t have an? (?:\\S+ )?account|no account|bad destination mailbox|not a known user|unknown or illegal|"
                  + "user not found|mailbox not found|no valid recipients?|invalid final delivery",
              "user unknown"),
          said(
              "relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited|refused)|not permitted to relay|unable to relay|"
                  + "no relaying|we do not relay|relay not permitted|relaying denied|not allowed to relay",
              "relaying denied"),
          said(
              "not (?:a )?member|members only|only members|not subscribed",
              "not a member of the list"),
          said("\\bloop|too many hops|hop count", "mail loop"),
          said(
              "does not accept mail|not accept(?:ing)? (?:any )?(?:e-?)?mail|null mx|accepts no mail|no mail accepted",
              "domain accepts no mail"),
          said(
              "too many (?:connections|messages|recipients|e-?mails|concurrent)|rate limit|rate-limit|sending limit|throttl|"
                  + "exceeded .{0,25}(?:limit|rate)|too fast|slow down",
              "too many messages"),
          said(
              "expired|too long|giving up|gave up|retry (?:time(?:out)?|period) (?:exceeded|expired)|was not delivered within|"
                  + "could not be delivered (?:within|for \\d)|cannot send message for|in the queue too long|aborted after",
              "expired, never delivered"),
          said(
              "\\btls\\b|\\bssl\\b|starttls|certificate|secure connection|encryption",
              "secure connection failed"),
          said(
              "connection refused|connection timed out|timed out|timeout|no route to host|network is unreachable|host unreachable|"
                  + "unreachable|could ?n[o']t connect|unable to connect|connect to .{0,80} failed|connection (?:reset|closed|lost|dropped)|"
                  + "refused to talk|lost connection|no answer from|not responding|did not respond",
              "host unreachable"),
          said(
              "system error|internal error|local error|mailer error|i/o error|lock failure|command output|pipe to|"
                  + "error while writing|unable to create|cannot create|can'?t create|configuration error|server error|"
                  + "processing error|out of memory|disk full|system (?:is )?full|insufficient system",
              "mail system error"),
          said(
              "content (?:rejected|not accepted|filter|polic)|message content|attachment|message body|8-?bit|header (?:is )?(?:invalid|malformed)",
              "rejected for its content"));

  /**
   * Words that say only that the address was refused or is not there: the status code, when it
   * gives one, says more ({@code 5.1.2 … address rejected} is an unknown host).
   */
  private static final Pattern NOT_THERE =
      Pattern.compile(
          "recipient (?:address )?rejected|address rejected|(?:mailbox|recipient|address|account|user) (?:is )?(?:unavailable|invalid|not valid)|"
              + "invalid (?:address|e-?mail)|not a valid address|was not found|could not be found|not found|does not exist|doesn'?t exist");

  /** What the server's words say when they say no more than no. */
  private static final Pattern REFUSED =
      Pattern.compile(
          "policy|not allowed|not permitted|prohibited|denied|refused|refuse\\b|blocked|rejected|reject\\b|not accepted|"
              + "administrative|forbidden|filtered|quarantined|not authorized|unauthorized");

  private static final Map<String, String> CODES =
      Map.ofEntries(
          Map.entry("1.1", "user unknown"),
          Map.entry("1.2", "host unknown"),
          Map.entry("1.3", "address syntax error"),
          Map.entry("1.6", "mailbox moved"),
          Map.entry("1.10", "domain accepts no mail"),
          Map.entry("2.1", "mailbox disabled"),
          Map.entry("2.2", "mailbox full"),
          Map.entry("2.3", "message too big"),
          Map.entry("3.1", "mail system full"),
          Map.entry("3.4", "message too big"),
          Map.entry("4.1", "host unreachable"),
          Map.entry("4.2", "host unreachable"),
          Map.entry("4.3", "host unknown"),
          Map.entry("4.4", "host unknown"),
          Map.entry("4.6", "mail loop"),
          Map.entry("4.7", "expired, never delivered"),
          Map.entry("5.3", "too many recipients"),
          Map.entry("7.1", "rejected by policy"),
          Map.entry("7.23", "sender authentication failed"),
          Map.entry("7.25", "no reverse DNS for the sender"),
          Map.entry("7.26", "sender authentication failed"),
          Map.entry("7.27", "domain accepts no mail"));

  private static final Map<String, String> CLASSES =
      Map.of(
          "1", "bad address",
          "2", "mailbox problem",
          "3", "mail system error",
          "4", "network or routing problem",
          "5", "mail protocol error",
          "6", "rejected for its content",
          "7", "rejected by policy");

  Diagnosis {
    status = status == null ? "" : status;
    reason = reason == null ? "" : reason;
  }

  private static Map.Entry<Pattern, String> said(String regex, String words) {
    return Map.entry(Pattern.compile(regex), words);
  }

  /**
   * @param statusField the report's {@code Status} for the recipient, or empty
   * @param said what the server said: a {@code Diagnostic-Code}, or the lines of a plain-text
   *     report about the recipient
   */
  static Diagnosis of(String statusField, String said) {
    // the addresses themselves are no words: "userunknown@x.example" says nothing of its fate
    String text =
        said == null
            ? ""
            : AddressesInText.ADDRESS.matcher(said).replaceAll("<address>").replaceAll("\\s+", " ");
    String status = status(statusField == null ? "" : statusField, text);
    return new Diagnosis(status, reason(status, text.toLowerCase(Locale.ROOT)));
  }

  /** The code to show: the Status field, unless the server's text gives a more specific one. */
  private static String status(String statusField, String text) {
    Optional<String> field = enhanced(statusField);
    Optional<String> said = enhanced(text).filter(s -> !s.startsWith("2"));
    if (field.isPresent() && !(field.get().endsWith(".0.0") && said.isPresent())) {
      return field.get();
    }
    if (said.isPresent()) {
      return said.get();
    }
    Matcher reply = REPLY_CODE.matcher(text);
    return reply.find() ? reply.group(1) : "";
  }

  private static Optional<String> enhanced(String text) {
    Matcher m = ENHANCED.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  private static String reason(String status, String said) {
    for (Map.Entry<Pattern, String> entry : SAID) {
      if (entry.getKey().matcher(said).find()) {
        return entry.getValue();
      }
    }
    Matcher code = ENHANCED.matcher(status);
    String subjectDetail = code.matches() ? code.group(2) + "." + code.group(3) : "";
    if (CODES.containsKey(subjectDetail)) {
      return CODES.get(subjectDetail);
    }
    if (NOT_THERE.matcher(said).find()) {
      return "user unknown";
    }
    if (REFUSED.matcher(said).find()) {
      return "rejected by policy";
    }
    if (code.matches() && !code.group(2).equals("0")) {
      return CLASSES.getOrDefault(code.group(2), "");
    }
    return "";
  }

  /** {@code 5.1.1 user unknown}: the code and the words, either of which may be missing. */
  String words() {
    return (status + " " + reason).strip();
  }
}
