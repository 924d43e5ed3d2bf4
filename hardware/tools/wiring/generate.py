"""Writes the wiring SVGs of both nodes. Run from anywhere: python3 hardware/tools/wiring/generate.py

Standard library only. The SVGs are committed; rerun after changing a sheet and commit both.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep __pycache__ out of the repository

import broadcast_node  # noqa: E402
import sensor_node  # noqa: E402

HARDWARE = os.path.dirname(os.path.dirname(HERE))

SHEETS = [
    ("broadcast-node/wiring-power.svg", broadcast_node.power_sheet),
    ("broadcast-node/wiring-amplifier.svg", broadcast_node.amplifier_sheet),
    ("broadcast-node/wiring-audio-io.svg", broadcast_node.audio_io_sheet),
    ("sensor-node/wiring-power.svg", sensor_node.power_sheet),
    ("sensor-node/wiring-sensors.svg", sensor_node.sensors_sheet),
]


def main():
    for relative, build in SHEETS:
        path = os.path.join(HARDWARE, relative)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(build().svg())
        print("wrote hardware/" + relative)


if __name__ == "__main__":
    main()
