# Sourced by the benchmarks (bench/*.sh, after setting $root): a fresh copy of the Table III sample that builds
# with the SDK packed into this clone's feed/ (./build.sh --pack-only), as a user's project would.
#   copy_table3 <directory>
copy_table3() {
  cp -r "$root/samples/table3" "$1"
  cp "$root/global.json" "$1/"
  sed "s#value=\"feed\"#value=\"$root/feed\"#" "$root/nuget.config" > "$1/nuget.config"
}
