import FuzzSupport

FuzzDriver.run(fuzzEvents)
