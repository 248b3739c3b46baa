using ClusterWatch.Core.Enterprises;

namespace ClusterWatch.Tests.Enterprises;

public class CreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")] // 华为技术有限公司 (published on its business licence)
    [InlineData("9144030071526726XG")] // 深圳市腾讯计算机系统有限公司
    [InlineData("91350100M000100Y43")] // the worked example used in GB 32100-2015 explanations
    public void Real_codes_are_valid(string code)
    {
        Assert.True(CreditCode.IsValid(code), CreditCode.Validate(code));
    }

    [Theory]
    [InlineData("914403001922038217", "校验位")]   // last character changed
    [InlineData("91440300192203821", "18位")]     // 17 characters
    [InlineData("9144030019220382I6", "不是允许的字符")] // I is not in the alphabet
    [InlineData("91ABCDEF1922038216", "行政区划码")]
    [InlineData("", "为空")]
    public void Invalid_codes_are_rejected_with_the_reason(string code, string reasonFragment)
    {
        var reason = CreditCode.Validate(code);
        Assert.NotNull(reason);
        Assert.Contains(reasonFragment, reason);
    }

    [Fact]
    public void Complete_appends_the_check_character_that_makes_a_code_valid()
    {
        var code = CreditCode.Complete("91440300MA5F12345");
        Assert.Equal(18, code.Length);
        Assert.True(CreditCode.IsValid(code));
    }
}
