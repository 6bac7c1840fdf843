#!/usr/bin/env python3
"""A learning Ethernet switch with per-port delay, for scan-lan.bench.ts on kernels without netem.

The benchmark's LAN wants 1-5 ms of delay per host link. Where the kernel has sch_netem the bench
uses a Linux bridge and netem; where it does not (CONFIG_NET_SCH_NETEM unset), this process is the
bridge: it reads every frame from each bridge-side veth end (AF_PACKET, which Node cannot open) and
sends it out of the destination port (or floods it) after delay(in) + delay(out), the same as netem
on both ends of each link would. Frames carry their virtio-net header (PACKET_VNET_HDR), so GSO
super-frames and partial checksums cross as the kernel made them.

    python3 scan-lan-switch.py '{"ports": [{"ifname": "vh5", "delayMs": 1}, ...]}'

Prints one JSON line when every port is open, then runs until SIGTERM/SIGINT.
"""
import heapq
import json
import select
import signal
import socket
import sys
import time

ETH_P_ALL = 0x0003
SOL_PACKET = 263
PACKET_VNET_HDR = 15
PACKET_OUTGOING = 4
VNET_HDR_LEN = 10


def main() -> None:
    config = json.loads(sys.argv[1])
    ports = config["ports"]
    sockets = []
    delays = []
    for port in ports:
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        s.setsockopt(SOL_PACKET, PACKET_VNET_HDR, 1)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
        s.bind((port["ifname"], ETH_P_ALL))
        s.setblocking(False)
        sockets.append(s)
        delays.append(float(port["delayMs"]) / 1000.0)

    by_fd = {s.fileno(): i for i, s in enumerate(sockets)}
    poller = select.epoll()
    for s in sockets:
        poller.register(s.fileno(), select.EPOLLIN)

    where = {}  # MAC -> port index (learned from source addresses)
    queue = []  # (due, seq, out port, frame)
    seq = 0
    stats = {"frames": 0, "sent": 0, "sendErrors": 0}
    running = True

    def stop(*_args) -> None:
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(json.dumps({"ports": [p["ifname"] for p in ports]}), flush=True)

    while running:
        timeout = -1.0
        if queue:
            timeout = max(0.0, queue[0][0] - time.monotonic())
        try:
            events = poller.poll(timeout)
        except InterruptedError:
            continue
        for fd, _ in events:
            i = by_fd[fd]
            s = sockets[i]
            while True:
                try:
                    data, address = s.recvfrom(65536 + VNET_HDR_LEN)
                except (BlockingIOError, InterruptedError):
                    break
                if address[2] == PACKET_OUTGOING or len(data) < VNET_HDR_LEN + 14:
                    continue  # our own sends, seen again on the way out
                stats["frames"] += 1
                frame = memoryview(data)
                destination = bytes(frame[VNET_HDR_LEN:VNET_HDR_LEN + 6])
                source = bytes(frame[VNET_HDR_LEN + 6:VNET_HDR_LEN + 12])
                where[source] = i
                now = time.monotonic()
                known = where.get(destination)
                # Multicast/broadcast (first octet's low bit) or unknown: every other port.
                targets = [known] if known is not None and not destination[0] & 1 else [j for j in range(len(sockets)) if j != i]
                for j in targets:
                    if j == i:
                        continue
                    seq += 1
                    heapq.heappush(queue, (now + delays[i] + delays[j], seq, j, data))
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, j, data = heapq.heappop(queue)
            try:
                sockets[j].send(data)
                stats["sent"] += 1
            except OSError:
                stats["sendErrors"] += 1
    print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    main()
