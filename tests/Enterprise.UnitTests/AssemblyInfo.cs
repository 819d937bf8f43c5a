// A fresh fixture instance per test: mocks and fake clocks held in fields never leak between tests.
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
