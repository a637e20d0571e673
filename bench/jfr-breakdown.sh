#!/usr/bin/env bash
# Sums JFR execution samples by the circular (or bench) method they run under: a rough
# inclusive profile. Usage: bench/jfr-breakdown.sh FILE.jfr [depth]
set -euo pipefail
jfr print --events jdk.ExecutionSample --stack-depth "${2:-64}" "$1" | awk '
  /jdk.ExecutionSample/ { if (n) flush(); n = 1; delete seen; next }
  /line:/ {
    m = $1; sub(/\(.*/, "", m)
    if (m ~ /^(circular\.|BareSend|org\.thymeleaf\.TemplateEngine\.process$|org\.jsoup\.Jsoup\.parse$|jakarta\.mail\.internet\.MimeMessage\.writeTo$|jakarta\.mail\.Transport\.|org\.eclipse\.angus\.mail\.smtp\.SMTPTransport\.sendMessage$|org\.apache\.commons\.csv\.)/ && !(m in seen)) { seen[m] = 1; count[m]++ }
  }
  function flush() { total++ }
  END { if (n) flush(); printf "%6d samples in all\n", total; for (m in count) printf "%6d %5.1f%% %s\n", count[m], 100 * count[m] / total, m }
' | sort -k1,1nr | head -${3:-40}
