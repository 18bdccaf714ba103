# Sourced by the engine benchmarks: builds the engine and the modules it needs in the reactor
# (package, no install, so a worktree's own code is measured) and sets $cp to the engine's test
# classpath. Expects $root to be the repository root and to be the current directory.
./mvnw -q -o package dependency:build-classpath -DskipTests -pl engine -am -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="engine/target/test-classes:engine/target/classes:$(cat engine/target/bench-classpath.txt)"
