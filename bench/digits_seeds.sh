#!/usr/bin/env bash
# samples/Digits and its PyTorch twin (samples/Digits/digits.py) on the same ten seeded splits and batch orders,
# alternating, one line per seed: Nabla's training time and test accuracy, then PyTorch's.
# Run from the repository root: bash bench/digits_seeds.sh   (needs /usr/bin/python3 with torch: apt-get install python3-torch)
set -eu  # no pipefail: the sample exits 1 when a seed stays under 0.98, which is a result here, not an error
dotnet build -c Release samples/Digits >/dev/null
echo "| seed | Nabla time (s) | Nabla accuracy | PyTorch time (s) | PyTorch accuracy |"
echo "|---|---|---|---|---|"
for seed in 0 1 2 3 4 5 6 7 8 9; do
  nabla=$(dotnet run -c Release --project samples/Digits --no-build -- --seed "$seed" --fine-tune-epochs 0 2>&1 \
          | sed 's/\x1b\[[0-9;]*m//g' | grep -a '^Trained' | sed -E 's/.* in ([0-9.]+) s: test accuracy ([0-9.]+).*/\1 | \2/')
  torch=$(/usr/bin/python3 samples/Digits/digits.py 20 "$seed" | sed -E 's/.* in ([0-9.]+) s, test accuracy ([0-9.]+).*/\1 | \2/')
  echo "| $seed | $nabla | $torch |"
done
