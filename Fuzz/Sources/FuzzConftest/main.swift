import FuzzSupport

FuzzDriver.run(fuzzConftest)
