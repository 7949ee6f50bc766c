#!/bin/sh
# rvw-test: the test suite's CUPS backend (simulators/cups). Installed as
# /usr/lib/cups/backend/rvw-test (mode 0700, so cupsd runs it as root). Device URI: rvw-test:/OUTDIR.
# Writes each job's document to OUTDIR/job-<id>.pdf. A first line in OUTDIR/control makes it fail:
#   out-of-paper  STATE: +media-empty-error, then waits until the control file changes (or goes)
#   offline       STATE: +offline-report, then exit 1 (the queue's printer-error-policy aborts the job)
#   jammed        STATE: +media-jam-error, then exit 4 (CUPS stops the queue)
if [ $# -eq 0 ]; then
  echo 'direct rvw-test "Unknown" "RVW test printer (writes jobs to a folder)"'
  exit 0
fi
if [ $# -lt 5 ]; then
  echo "ERROR: usage: rvw-test job-id user title copies options [file]" >&2
  exit 1
fi
dir="${DEVICE_URI#rvw-test:}"
if [ ! -d "$dir" ]; then
  echo "ERROR: output folder $dir does not exist" >&2
  exit 1
fi
ctl="$dir/control"
# Like a device queried at the start of a job: last job's problems are gone unless they recur.
echo "STATE: -media-empty-error,media-jam-error,offline-report" >&2
mode=""
if [ -f "$ctl" ]; then mode=$(head -n 1 "$ctl"); fi
case "$mode" in
  out-of-paper)
    echo "STATE: +media-empty-error" >&2
    echo "INFO: Out of paper (rvw-test)" >&2
    stamp=$(cksum < "$ctl")
    while [ -f "$ctl" ] && [ "$(cksum < "$ctl")" = "$stamp" ]; do sleep 0.1; done
    echo "STATE: -media-empty-error" >&2
    ;;
  offline)
    echo "STATE: +offline-report" >&2
    echo "INFO: Printer not connected (rvw-test)" >&2
    sleep 1
    exit 1
    ;;
  jammed)
    echo "STATE: +media-jam-error" >&2
    echo "INFO: Paper jam (rvw-test)" >&2
    sleep 1
    exit 4
    ;;
esac
out="$dir/job-$1.pdf"
if [ -n "$6" ]; then cat "$6" > "$out.part"; else cat > "$out.part"; fi
mv "$out.part" "$out"
echo "INFO: Printed job $1 (rvw-test)" >&2
exit 0
