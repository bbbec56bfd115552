import FuzzSupport

FuzzDriver.run(fuzzYAML)
