import FuzzSupport

FuzzDriver.run(fuzzCatalog)
