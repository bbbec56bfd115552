import FuzzSupport

FuzzDriver.run(fuzzOPA)
