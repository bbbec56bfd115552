import FuzzSupport

FuzzDriver.run(fuzzCheckov)
