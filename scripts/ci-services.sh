#!/usr/bin/env bash
# Install from Debian's packages the services the tests use, when missing (CI runs this as root before the tests).
# The tests start and stop their own throw-away instances.
set -euo pipefail
missing=()
# PostgreSQL: tests/conftest.py starts a cluster with initdb and pg_ctl on a free local port.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null || missing+=(postgresql)
# A CJK font: the notebook's charts label counties in Chinese; the review page renders Chinese text.
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk fontconfig)
# Java for Spark in local mode (tests/test_spark.py): pyspark brings Spark itself, not a JVM.
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
# --- review page (tests/test_review.py): a real browser driven by Playwright ---
[ -x /usr/bin/chromium ] || missing+=(chromium)
# --- end review page ---
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ci-services: missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
