import FuzzSupport

FuzzDriver.run(fuzzSARIF)
