#!/bin/sh
# Starts a throwaway single-node Ceph cluster (one monitor, one OSD on memstore) and the
# RADOS Gateway, all on 127.0.0.1 with free ports, for the tests and benchmarks.
# Usage: s3-start.sh ENVFILE   -- writes AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID,
# AWS_SECRET_ACCESS_KEY, AWS_REGION and LH_S3_DIR to ENVFILE. Stop it with s3-stop.sh
# ENVFILE, which stops only the PIDs recorded here.
# Packages (scripts/bootstrap.sh): radosgw ceph-mon ceph-osd (--no-install-recommends).
set -eu
ENVFILE=$1
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(mktemp -d /tmp/lh-s3-XXXXXX)
set -- $(python3 "$HERE/free-port.py" 3)
MON_PORT=$1
RGW_PORT=$2
MS_MIN=$3
MS_MAX=$((MS_MIN + 200 > 65535 ? 65535 : MS_MIN + 200))
ACCESS_KEY=lhtestaccess
SECRET_KEY=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
mkdir -p "$DIR/mon/ceph-a" "$DIR/osd/ceph-0" "$DIR/rgw/ceph-rgw.a" "$DIR/run" "$DIR/log" "$DIR/crash"
CONF="$DIR/ceph.conf"
FSID=$(cat /proc/sys/kernel/random/uuid)
OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
cat >"$CONF" <<EOF
[global]
fsid = $FSID
mon_host = v2:127.0.0.1:$MON_PORT
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
public_network = 127.0.0.0/8
ms_bind_ipv6 = false
ms_bind_msgr1 = false
ms_bind_port_min = $MS_MIN
ms_bind_port_max = $MS_MAX
auth_cluster_required = cephx
auth_service_required = cephx
auth_client_required = cephx
auth_allow_insecure_global_id_reclaim = false
keyring = $DIR/ceph.keyring
run_dir = $DIR/run
admin_socket = $DIR/run/\$cluster-\$name.asok
pid_file = $DIR/run/\$cluster-\$name.pid
log_file = $DIR/log/\$cluster-\$name.log
crash_dir = $DIR/crash
mon_data = $DIR/mon/\$cluster-\$id
osd_data = $DIR/osd/\$cluster-\$id
rgw_data = $DIR/rgw/\$cluster-\$id
osd_objectstore = memstore
memstore_device_bytes = 8589934592
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_allow_pool_delete = true
mon_warn_on_pool_no_redundancy = false
mon_max_pg_per_osd = 1000
osd_max_pg_per_osd_hard_ratio = 10
mon_data_avail_warn = 2
mon_data_avail_crit = 1
mgr_initial_modules =
[client.rgw.a]
rgw_frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw_dns_name = localhost
rgw_enable_usage_log = false
rgw_thread_pool_size = 64
rgw_gc_obj_min_wait = 60
rgw_gc_processor_period = 60
EOF
K="$DIR/ceph.keyring"
ceph-authtool --create-keyring "$K" --gen-key -n mon. --cap mon 'allow *' >/dev/null
ceph-authtool "$K" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' --cap mds 'allow *' >/dev/null
ceph-authtool "$K" --gen-key -n osd.0 --cap mon 'allow profile osd' --cap mgr 'allow profile osd' --cap osd 'allow *' >/dev/null
ceph-authtool "$K" --gen-key -n client.rgw.a --cap mon 'allow rw' --cap mgr 'allow rw' --cap osd 'allow rwx' >/dev/null
monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT]" "$DIR/monmap" >/dev/null
ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" --keyring "$K"

fail() {
    echo "s3-start: $1; logs in $DIR/log" >&2
    for pid in $(cat "$DIR/pids" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    exit 1
}
: >"$DIR/pids"
ceph-mon -c "$CONF" -f -i a >>"$DIR/log/mon.a.out" 2>&1 &
echo $! >>"$DIR/pids"
C="ceph -c $CONF --connect-timeout 20"
i=0; until $C mon stat >/dev/null 2>&1; do i=$((i+1)); [ $i -gt 120 ] && fail "monitor did not come up"; sleep 0.5; done
OSD_ID=$($C osd new "$OSD_UUID")
[ "$OSD_ID" = 0 ] || fail "unexpected osd id $OSD_ID"
ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$OSD_UUID" >>"$DIR/log/osd.0.out" 2>&1
ceph-osd -c "$CONF" -f -i 0 >>"$DIR/log/osd.0.out" 2>&1 &
echo $! >>"$DIR/pids"
i=0; until $C osd stat 2>/dev/null | grep -q '1 up'; do i=$((i+1)); [ $i -gt 120 ] && fail "osd did not come up"; sleep 0.5; done
radosgw -c "$CONF" -f -n client.rgw.a >>"$DIR/log/rgw.a.out" 2>&1 &
echo $! >>"$DIR/pids"
i=0; until curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/"; do i=$((i+1)); [ $i -gt 240 ] && fail "radosgw did not come up"; sleep 0.5; done
radosgw-admin -c "$CONF" -n client.admin user create --uid=lake --display-name=lake \
    --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >"$DIR/user.json" || fail "cannot create the S3 user"
# the first bucket and object create RGW's pools (seconds): do it now, not in a test
S3C="curl -sf -o /dev/null --aws-sigv4 aws:amz:us-east-1:s3 --user $ACCESS_KEY:$SECRET_KEY -H x-amz-content-sha256:UNSIGNED-PAYLOAD"
W="http://127.0.0.1:$RGW_PORT/warmup-$$"
$S3C -X PUT --data-binary "" "$W" && $S3C -X PUT --data-binary warm "$W/obj" &&
    $S3C -X DELETE "$W/obj" && $S3C -X DELETE "$W" || fail "S3 warm-up failed"
umask 077
printf 'AWS_ENDPOINT_URL=http://127.0.0.1:%s\nAWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\nAWS_REGION=us-east-1\nLH_S3_DIR=%s\n' \
    "$RGW_PORT" "$ACCESS_KEY" "$SECRET_KEY" "$DIR" >"$ENVFILE"
echo "S3 (Ceph RGW) ready on http://127.0.0.1:$RGW_PORT (pids $(tr '\n' ' ' <"$DIR/pids"), dir $DIR)"
