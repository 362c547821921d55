#!/usr/bin/env bash
# Gradescope's image build for the awaitlings course, written by `grader package gradescope`. It runs once, with
# network, as root on Gradescope's Ubuntu image: everything grading needs is installed here, so grading needs none.
set -euo pipefail
source_dir=/autograder/source

# Ubuntu's JDK 21 grades every exercise, the JDK 21+ ones too; the grader compiles tests with its compiler.
apt-get update -qq
apt-get install -y -qq openjdk-21-jdk-headless >/dev/null

# The grader, built from the course it came with: Maven and every library are fetched now, not at grading time.
# A zip keeps no file modes, so the wrapper is made executable again.
cd "$source_dir/course"
chmod +x mvnw
./mvnw -q -B package -pl grader/cli -am -DskipTests
cp grader/cli/target/grader.jar "$source_dir/grader.jar"

cp "$source_dir/run_autograder" /autograder/run_autograder
chmod +x /autograder/run_autograder
