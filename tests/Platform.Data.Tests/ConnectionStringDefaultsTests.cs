using Npgsql;

namespace Platform.Data.Tests;

public sealed class ConnectionStringDefaultsTests
{
    [Theory]
    [InlineData("Host=db;Database=platformdb", PlatformDbOptions.DefaultMaxPoolSize)]
    [InlineData("Host=db;Database=platformdb;Maximum Pool Size=5", 5)]
    [InlineData("Host=db;Database=platformdb;maximum pool size=7", 7)]
    public void A_connection_string_gets_the_platforms_pool_limit_unless_it_names_its_own(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PlatformDbOptions.WithPlatformDefaults(connectionString)).MaxPoolSize);

    [Theory]
    [InlineData("Host=db;Database=platformdb", PlatformDbOptions.DefaultMaxAutoPrepare)]
    [InlineData("Host=db;Database=platformdb;Max Auto Prepare=0", 0)]
    public void A_connection_string_gets_automatic_preparation_unless_it_names_its_own(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PlatformDbOptions.WithPlatformDefaults(connectionString)).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db;Database=platformdb", true)]
    [InlineData("Host=db;Database=platformdb;No Reset On Close=false", false)]
    public void Pooled_connections_skip_the_session_reset_unless_the_string_asks_for_it(string connectionString, bool expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PlatformDbOptions.WithPlatformDefaults(connectionString)).NoResetOnClose);
}
