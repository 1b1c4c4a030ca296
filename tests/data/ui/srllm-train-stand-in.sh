#!/bin/sh
# A stand-in for `srllm train JOBDIR` in tests/ui/train/test-job-queue.cpp: it writes its row of the
# project ($SRLLM_TEST_PROJECT) as the real worker does (db/jobs.h: running with its pid, host and a
# heartbeat; cancelled on SIGTERM), prints a start line and waits. A folder named *fails* is refused
# before start, as a broken job.json is.
dir="$2"
sql() { sqlite3 -cmd ".timeout 5000" "$SRLLM_TEST_PROJECT" "$1" >/dev/null; }
case "$dir" in *fails*) echo "srllm: error: $dir/job.json: unreadable" >&2; exit 1;; esac
now="strftime('%Y-%m-%dT%H:%M:%fZ','now')"
stop() {
  sql "UPDATE jobs SET status='cancelled', pid=NULL, finished_at=$now WHERE dir='$dir'"
  echo '{"event":"cancelled","time":"t","step":1,"checkpoint":"checkpoints/step-00000001"}'
  exit 0
}
# Trapped before the row says running: a cancel that comes right after must find the trap in place.
trap stop TERM
sql "UPDATE jobs SET status='running', pid=$$, host='$(hostname)', heartbeat_at=$now, started_at=$now WHERE dir='$dir'"
echo "{\"event\":\"start\",\"time\":\"t\",\"job\":\"$dir\",\"resumed_from_step\":0,\"total_steps\":5,\"device\":\"cpu\",\"precision\":\"fp32\",\"trainable_params\":1,\"total_params\":2}"
while :; do sleep 0.05; done
