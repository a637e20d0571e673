package circular.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A delegation's own words in an HTML-only reply, as each mail client marks its quote. */
class HtmlReplyTest {
  @Test
  void outlookWebDropsItsReplyHeaderAndEverythingAfterIt() {
    String html =
        """
        <html><head><style>p{margin:0}</style></head><body>
        <div dir="ltr"><div>Excellence,</div><div><br></div>
        <div>La Belgique présentera ses mesures le 18&nbsp;avril &amp; enverra le rapport.</div>
        <div>Cordialement,<br>Marc Lambert</div></div>
        <div id="appendonsend"></div>
        <hr style="display:inline-block;width:98%" tabindex="-1">
        <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif"><b>De :</b> Helen Marsh &lt;nim-contact@mission-coordinator.example&gt;<br>
        <b>Envoyé :</b> jeudi 22 mars 2012 10:00<br><b>Objet :</b> Réunions intersessionnelles</font><div>&nbsp;</div></div>
        <div><p>Excellence,</p><p>J'ai l'honneur de vous écrire</p></div>
        </body></html>
        """;

    assertThat(HtmlReply.ownWords(html))
        .isEqualTo(
            "Excellence,\n\nLa Belgique présentera ses mesures le 18\u00a0avril & enverra le rapport.\nCordialement,\nMarc Lambert");
  }

  @Test
  void outlookDesktopHeaderBlockInItsWordHtmlEndsTheReply() {
    String html =
        """
        <html><body><div class=WordSection1><p class=MsoNormal>Noted, thank you.<o:p></o:p></p>
        <p class=MsoNormal><o:p>&nbsp;</o:p></p>
        <div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>
        <p class=MsoNormal><b>From:</b> Helen Marsh &lt;nim-contact@mission-coordinator.example&gt;<br>
        <b>Sent:</b> Thursday, March 22, 2012 10:00 AM<br><b>To:</b> Permanent Mission<br><b>Subject:</b> Intersessional Meetings</p></div>
        <p class=MsoNormal>Excellency,</p></div></body></html>
        """;

    assertThat(HtmlReply.ownWords(html)).isEqualTo("Noted, thank you.");
  }

  @Test
  void gmailDropsItsQuoteAndSignature() {
    String html =
        """
        <div dir="ltr">Dear Ms Marsh,<div><br></div><div>Ireland will report on action point 65.</div>
        <div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature">Ciarán Moynihan<br>Permanent Mission of Ireland</div></div>
        <br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Thu, Mar 22, 2012 at 10:00 AM Helen Marsh &lt;nim-contact@mission-coordinator.example&gt; wrote:<br></div>
        <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Excellency,<br>I have the honour</blockquote></div>
        """;

    assertThat(HtmlReply.ownWords(html))
        .isEqualTo("Dear Ms Marsh,\n\nIreland will report on action point 65.");
  }

  @Test
  void appleMailDropsItsCitedBlockquoteAndTheAttributionBeforeIt() {
    String html =
        """
        <html><body style="overflow-wrap: break-word;">Wir nehmen teil.<div><br></div>
        <div><div>Am 22.03.2012 um 10:00 schrieb Helen Marsh &lt;nim-contact@mission-coordinator.example&gt;:</div><br class="Apple-interchange-newline">
        <blockquote type="cite"><div>Excellency,</div><div>I have the honour</div></blockquote></div><br></body></html>
        """;

    assertThat(HtmlReply.ownWords(html)).isEqualTo("Wir nehmen teil.");
  }

  @Test
  void markupInTheTextStaysText() {
    assertThat(HtmlReply.ownWords("<p>Use &lt;script&gt; tags? No.</p><script>alert(1)</script>"))
        .isEqualTo("Use <script> tags? No.");
  }
}
