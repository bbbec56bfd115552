import FuzzSupport

FuzzDriver.run(fuzzPolicyReport)
