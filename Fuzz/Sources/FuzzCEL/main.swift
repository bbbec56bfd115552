import FuzzSupport

FuzzDriver.run(fuzzCEL)
