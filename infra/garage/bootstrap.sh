#!/usr/bin/env sh
# Prepare a fresh Garage for Back to the Kitchen, idempotently (run it again at will):
#   1. give the single node its layout role and apply it;
#   2. create the buckets: the data (datasets and their pointers) and one sites bucket per
#      environment — Garage grants keys per bucket, so a bucket per environment is what keeps a
#      key from writing another environment's live pointer;
#   3. create one key per role and grant it only what it needs:
#        bttk-ingest          read/write bttk-data                       (data:ingest, data:promote, data:gc)
#        bttk-deploy-<env>    read bttk-data, read/write bttk-sites-<env> (build + deploy + rollback of <env>)
#        bttk-web-<env>       read bttk-sites-<env>                       (the web container of <env>)
#   4. write each key's settings to infra/secrets/<key>.env (mode 600, git-ignored).
# Run from anywhere, with the stack's garage service up: docker compose -f infra/compose.yaml up -d garage
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
compose="docker compose -f $here/compose.yaml"
secrets="$here/secrets"
garage() { $compose exec -T garage /garage -c /etc/garage.toml "$@"; }

DATA_BUCKET=bttk-data
ENVS="preprod prod"
ZONE=${GARAGE_ZONE:-dc1}
CAPACITY=${GARAGE_CAPACITY:-20G}

echo "== layout"
node_id=$(garage node id -q | cut -d@ -f1)
if garage status | grep -q "NO ROLE ASSIGNED"; then
  garage layout assign -z "$ZONE" -c "$CAPACITY" "$node_id"
  version=$(garage layout show | sed -n 's/.*Current cluster layout version: \([0-9]*\).*/\1/p')
  garage layout apply --version $((${version:-0} + 1))
else
  echo "node $node_id already has a role"
fi

echo "== buckets"
for bucket in "$DATA_BUCKET" $(for env in $ENVS; do echo "bttk-sites-$env"; done); do
  garage bucket info "$bucket" >/dev/null 2>&1 || garage bucket create "$bucket"
done

key() {
  garage key info "$1" >/dev/null 2>&1 || garage key create "$1" >/dev/null
}

echo "== keys"
key bttk-ingest
garage bucket allow --read --write "$DATA_BUCKET" --key bttk-ingest
for env in $ENVS; do
  key "bttk-deploy-$env"
  garage bucket allow --read "$DATA_BUCKET" --key "bttk-deploy-$env"
  garage bucket allow --read --write "bttk-sites-$env" --key "bttk-deploy-$env"
  key "bttk-web-$env"
  garage bucket allow --read "bttk-sites-$env" --key "bttk-web-$env"
done

# Key id and secret of a key, from `garage key info --show-secret`.
field() { garage key info --show-secret "$1" | sed -n "s/^ *$2: *//p" | head -n 1 | tr -d '\r'; }

write_env() { # file key-name [extra lines…]
  file=$1 name=$2
  shift 2
  umask 077
  {
    echo "# Written by infra/garage/bootstrap.sh for key $name. Secret: never commit, never paste in an issue."
    echo "S3_ACCESS_KEY_ID=$(field "$name" "Key ID")"
    echo "S3_SECRET_ACCESS_KEY=$(field "$name" "Secret key")"
    for line in "$@"; do echo "$line"; done
  } >"$file"
  echo "wrote $file"
}

echo "== settings"
mkdir -p "$secrets"
write_env "$secrets/ingest.env" bttk-ingest "S3_ENDPOINT=http://127.0.0.1:3900" "S3_REGION=garage" "S3_BUCKET=$DATA_BUCKET"
for env in $ENVS; do
  # For the CI runner of this host: copy to the checkout as .env.<env>.
  write_env "$secrets/deploy-$env.env" "bttk-deploy-$env" "S3_ENDPOINT=http://127.0.0.1:3900" "S3_REGION=garage" \
    "S3_BUCKET=$DATA_BUCKET" "SITES_BUCKET=bttk-sites-$env"
  # For the web container (compose.yaml's env_file): it reads its sites bucket and nothing else.
  write_env "$secrets/web-$env.env" "bttk-web-$env"
done
# The web containers run as the image's user `node` (uid 1000) and write their logs here.
for env in $ENVS; do
  mkdir -p "$here/../logs/$env"
  [ "$(id -u)" -ne 0 ] || chown 1000:1000 "$here/../logs/$env"
done
echo "done: see infra/README.md for what each file is for"
