import FuzzSupport

FuzzDriver.run(fuzzDocsPage)
