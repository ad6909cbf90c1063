#!/usr/bin/env bash
# The Dockerfile's steps without Docker (CI has no daemon): a fresh clone of this commit, less what
# .dockerignore leaves out of the build context; npm ci, both bundles, npm prune --omit=dev; then
# the files the image's last stage copies, alone in a folder, started as the image starts them.
# The emulator runs from its bundle there too, and the gateway must get ready, answer a query with
# the seed's data, serve the playground, stop with one clear line when the playground bundle is
# missing, and exit 0 on SIGTERM. One line per step; exits non-zero at the first failure.
# Needs the npm registry (or its cache) and nothing else from outside.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/image-steps.XXXXXX")
pids=()

cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "image-steps: $1: FAILED: $2"
  if [ -n "${3:-}" ] && [ -s "$3" ]; then sed 's/^/    /' "$3" | tail -n 20; fi
  exit 1
}

# step NAME COMMAND...: runs it with its output in a log, says ok with the seconds it took.
step() {
  local name=$1 log="$work/$1.log" started=$SECONDS
  shift
  if "$@" >"$log" 2>&1; then
    echo "image-steps: $name: ok ($((SECONDS - started)) s)"
  else
    fail "$name" "exit $? from: $*" "$log"
  fi
}

# get URL [ACCEPT]: prints the HTTP status, a newline, then the body.
get() {
  node -e '
    const [url, accept] = process.argv.slice(1);
    fetch(url, { headers: accept ? { accept } : {} }).then(
      async (r) => process.stdout.write(`${r.status}\n${await r.text()}`),
      (e) => { console.error(e.cause?.code ?? e.message); process.exit(1); },
    );' "$@"
}

# json EXPRESSION: evaluates it with `it` bound to the JSON on standard input.
json() {
  node -e 'const it = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(eval(process.argv[1]))' "$1"
}

# wait_for_line LOG PATTERN PID: the first match of PATTERN in LOG, once the process writes it.
wait_for_line() {
  local i match
  for i in $(seq 1 300); do
    match=$(grep -soE "$2" "$1" | head -n 1)
    if [ -n "$match" ]; then
      echo "$match"
      return 0
    fi
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

sha=$(git -C "$repo" rev-parse HEAD)
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "image-steps: note: uncommitted changes are not part of the image; checking ${sha:0:12}"
fi
step clone git clone --quiet --no-checkout "$repo" "$work/build"
step checkout git -C "$work/build" checkout --quiet --detach "$sha"

cd "$work/build" || exit 1
# Docker reads the Dockerfile beside the context, not from it (.dockerignore removes it there).
cp Dockerfile "$work/Dockerfile"
context() {
  local pattern
  shopt -s globstar dotglob nullglob
  while IFS= read -r pattern; do
    case $pattern in '' | '#'*) continue ;; '!'*) echo "no exceptions: $pattern" && return 1 ;; esac
    # Unquoted on purpose: each line is a glob, as Docker reads it.
    # shellcheck disable=SC2086
    rm -rf -- $pattern
  done <.dockerignore
}
step context context
# As the Dockerfile does: npm ci sees package.json and the lockfile only, then the rest arrives.
deps() {
  mkdir "$work/deps" && cp package.json package-lock.json "$work/deps/" &&
    (cd "$work/deps" && npm ci --no-audit --no-fund) && mv "$work/deps/node_modules" .
}
step npm-ci deps
step build npm run build
step playground-build npm run playground:build
step prune npm prune --omit=dev --no-audit --no-fund
# Not a failure (yet): esbuild and tsx are runtime dependencies in package.json until they move.
tools=$(cd node_modules && ls -d esbuild tsx typescript 2>/dev/null | paste -sd ' ' -)
echo "image-steps: runtime node_modules: $(du -sh node_modules | cut -f1), build tools in it: ${tools:-none}"

runtime="$work/runtime"
layout() {
  local from to
  mkdir -p "$runtime"
  # COPY --from=build /app/FROM ./TO, as the last stage of the Dockerfile lists them.
  while read -r from to; do
    from=${from#/app/}
    mkdir -p "$runtime/$(dirname "$to")"
    cp -R "$work/build/$from" "$runtime/$to" || return 1
  done < <(sed -nE 's|^COPY --from=build (/app/[^ ]+) ([^ ]+)$|\1 \2|p' "$work/Dockerfile")
  [ -f "$runtime/dist/main.mjs" ] && [ -f "$runtime/dist/emulator.mjs" ]
}
step layout layout
cd "$runtime" || exit 1

started=$SECONDS
NODE_ENV=production PORT=0 node dist/emulator.mjs --seed 1 --seed-users 50 >"$work/emulator.log" 2>&1 &
pids+=($!)
emulator=$(wait_for_line "$work/emulator.log" 'http://127\.0\.0\.1:[0-9]+' "${pids[-1]}") ||
  fail emulator "dist/emulator.mjs did not start" "$work/emulator.log"
accounts=$(get "$emulator/__emulator/accounts" | tail -n +2)
account_sid=$(json 'it.accounts[0].accountSid' <<<"$accounts")
auth_token=$(json 'it.accounts[0].authToken' <<<"$accounts")
flex_instance_sid=$(json 'it.accounts[0].flexInstanceSid' <<<"$accounts")
chat_service_sids=$(json 'it.accounts[0].chatServiceSids.join(",")' <<<"$accounts")
person=$(get "$emulator/__emulator/people?flex=true&conversations=true&limit=1" | tail -n +2 | json 'it.people[0].identity')
echo "image-steps: emulator: ok ($((SECONDS - started)) s, $emulator, person $person)"

# The image's CMD (exec form), as words: node, its flags, dist/main.mjs.
read -r -a image_cmd < <(sed -nE 's/^CMD \[(.*)\]$/\1/p' "$work/Dockerfile" | tr -d '",')
[ "${image_cmd[0]}" = node ] || fail cmd "the Dockerfile's CMD is not node …: ${image_cmd[*]}"

# start_gateway LOG: the gateway as the image's CMD runs it; its PID in $gateway_pid.
start_gateway() {
  env -i PATH="$PATH" NODE_ENV=production HOST=127.0.0.1 PORT=0 LOG_LEVEL=info \
    GRAPHQL_PLAYGROUND=true \
    TWILIO_ACCOUNT_SID="$account_sid" TWILIO_AUTH_TOKEN="$auth_token" \
    TWILIO_FLEX_INSTANCE_SID="$flex_instance_sid" TWILIO_CHAT_SERVICE_SIDS="$chat_service_sids" \
    TWILIO_FLEX_API_URL="$emulator" TWILIO_CONVERSATIONS_API_URL="$emulator" \
    TWILIO_CHAT_API_URL="$emulator" \
    TWILIO_TASKROUTER_API_URL="$emulator" \
    "${image_cmd[@]}" >"$1" 2>&1 &
  gateway_pid=$!
  pids+=("$gateway_pid")
}

started=$SECONDS
start_gateway "$work/gateway.log"
graphql=$(wait_for_line "$work/gateway.log" 'http://127\.0\.0\.1:[0-9]+/graphql' "$gateway_pid") ||
  fail gateway "dist/main.mjs did not start" "$work/gateway.log"
base=${graphql%/graphql}
for i in $(seq 1 100); do
  [ "$(get "$base/ready" 2>/dev/null | head -n 1)" = 200 ] && break
  [ "$i" = 100 ] && fail ready "GET /ready never answered 200" "$work/gateway.log"
  sleep 0.1
done
echo "image-steps: ready: ok ($((SECONDS - started)) s, $base/ready answered 200)"

query='query ($i: String!) { user(identity: $i) { identity flexUser { username } conversationsUser { identity } } }'
# As a back-office client would call it: Basic pass-through with the account's own credentials.
answer=$(node -e '
  const [url, query, identity, user, password] = process.argv.slice(1);
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
    },
    body: JSON.stringify({ query, variables: { i: identity } }),
  }).then((r) => r.text()).then(console.log, (e) => { console.error(e.message); process.exit(1); });
  ' "$graphql" "$query" "$person" "$account_sid" "$auth_token")
expected="{\"data\":{\"user\":{\"identity\":\"$person\",\"flexUser\":{\"username\":\"$person\"},\"conversationsUser\":{\"identity\":\"$person\"}}}}"
[ "$answer" = "$expected" ] || fail query "expected $expected, got $answer" "$work/gateway.log"
echo "image-steps: query: ok (user $person from the emulator through Flex and Conversations)"

page=$(get "$graphql" text/html)
script=$(grep -oE '/playground/playground\.js\?v=[0-9a-f]+' <<<"$page" | head -n 1)
[ "$(head -n 1 <<<"$page")" = 200 ] && [ -n "$script" ] ||
  fail playground "GET /graphql as a browser: $(head -c 200 <<<"$page")" "$work/gateway.log"
bytes=$(get "$base$script" | tail -n +2 | wc -c)
[ "$bytes" -gt 100000 ] || fail playground "$script has $bytes bytes" "$work/gateway.log"
echo "image-steps: playground: ok (page at /graphql, $script: $((bytes / 1024)) KiB)"

started=$SECONDS
kill -TERM "$gateway_pid"
wait "$gateway_pid"
code=$?
[ "$code" = 0 ] || fail sigterm "dist/main.mjs exited $code on SIGTERM" "$work/gateway.log"
echo "image-steps: sigterm: ok ($((SECONDS - started)) s, exit 0)"

mv server/playground/dist "$work/playground-dist"
start_gateway "$work/no-playground.log"
wait "$gateway_pid"
code=$?
lines=$(wc -l <"$work/no-playground.log")
said=$(json 'it.code === "PLAYGROUND_NOT_BUILT" ? it.msg : ""' <"$work/no-playground.log" 2>/dev/null)
[ "$code" = 1 ] && [ "$lines" = 1 ] && [ -n "$said" ] ||
  fail no-playground "expected exit 1 and one PLAYGROUND_NOT_BUILT line, got exit $code and $lines lines" "$work/no-playground.log"
echo "image-steps: no-playground: ok (exit 1, one line: $said)"
echo "image-steps: all steps passed"
