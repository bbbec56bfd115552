import FuzzSupport

FuzzDriver.run(fuzzSiteConfig)
