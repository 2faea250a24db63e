"""M/M/1 in SimPy, written the way its documentation writes queues: a source process, a process
per customer and a Resource. Prints one JSON line: customers served, the mean time in system and
the seconds the event loop (env.run) took. Used by `npm run bench` (test/bench/run.ts) when
Python has simpy (on Debian: apt-get install python3-simpy3).

    python3 test/bench/mm1_simpy.py [CUSTOMERS] [RHO] [SEED]
"""

import json
import random
import sys
import time

import simpy


def main(customers: int, rho: float, seed: int) -> None:
    rng = random.Random(seed)
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=1)
    served = 0
    time_in_system = 0.0

    def customer():
        nonlocal served, time_in_system
        arrived = env.now
        with server.request() as request:
            yield request
            yield env.timeout(rng.expovariate(1.0))
        served += 1
        time_in_system += env.now - arrived

    def source():
        for _ in range(customers):
            yield env.timeout(rng.expovariate(rho))
            env.process(customer())

    env.process(source())
    start = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - start
    print(json.dumps({"customers": served, "meanTimeInSystem": time_in_system / served, "seconds": seconds}))


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[0]) if args else 1_000_000, float(args[1]) if len(args) > 1 else 0.9, int(args[2]) if len(args) > 2 else 1)
