#!/usr/bin/env sh
# Exercism's test-runner interface, written by `grader package exercism`: bin/run.sh <slug> <input dir> <output dir>
# grades the student's files of one exercise with the course's checks and writes <output dir>/results.json.
# The image (see Dockerfile) holds the course and the grader beside this folder; nothing is fetched at run time.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
exec java -Xshare:auto -jar "$here/grader.jar" exercism "$1" "$2" "$3" --course "$here/course"
