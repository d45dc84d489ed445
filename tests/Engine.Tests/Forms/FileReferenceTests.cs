using LowCode.Engine.Forms;
using LowCode.Engine.Tests.Validation;

namespace LowCode.Engine.Tests.Forms;

public sealed class FileReferenceTests
{
    private const string Fields = """[ { "key": "scan", "type": "file", "accept": [ "application/pdf" ], "maxSizeBytes": 1000 }, { "key": "photos", "type": "file" } ]""";

    private static readonly FormEvaluationOptions WithUploads = FormTesting.Options with
    {
        Files = new Dictionary<string, FormFile>
        {
            ["pdf"] = new("pdf", "scan.pdf", "application/pdf", 900),
            ["big"] = new("big", "big.pdf", "application/pdf", 5000),
            ["png"] = new("png", "photo.png", "image/png", 10),
        },
    };

    [Fact]
    public void ASubmissionStoresTheIdsOfUploadedFilesAndAnEchoedUploadCountsAsItsId()
    {
        var result = FormTesting.Evaluate(Definitions.Form(Fields), """{ "scan": "pdf", "photos": [ { "id": "png", "name": "photo.png" }, "pdf" ] }""", WithUploads);

        Assert.True(result.IsValid, result.Codes());
        Assert.Equal("""{"scan":"pdf","photos":["png","pdf"]}""", result.ValuesJson());
    }

    [Fact]
    public void AnIdThatIsNotAnUploadOfTheInstanceIsAFileError()
    {
        var result = FormTesting.Evaluate(Definitions.Form(Fields), """{ "scan": "someone-elses" }""", WithUploads);

        var error = result.ErrorAt("scan");
        Assert.Equal(FormErrorCodes.File, error.Code);
        Assert.Contains("no file 'someone-elses'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptAndMaximumSizeAreCheckedAgainstWhatWasUploadedNotWhatTheClientSays()
    {
        var wrongType = FormTesting.Evaluate(Definitions.Form(Fields), """{ "scan": { "id": "png", "name": "pretend.pdf", "contentType": "application/pdf" } }""", WithUploads);
        var tooBig = FormTesting.Evaluate(Definitions.Form(Fields), """{ "scan": "big" }""", WithUploads);

        Assert.Equal(FormErrorCodes.Accept, wrongType.ErrorAt("scan").Code);
        Assert.Equal(FormErrorCodes.MaxSize, tooBig.ErrorAt("scan").Code);
    }

    [Fact]
    public void AFileDescribedWithoutAnUploadIsATypeErrorWhenTheSubmissionIsATasks()
    {
        var result = FormTesting.Evaluate(Definitions.Form(Fields), """{ "scan": { "name": "scan.pdf", "size": 10, "contentType": "application/pdf" } }""", WithUploads);

        var error = result.ErrorAt("scan");
        Assert.Equal(FormErrorCodes.Type, error.Code);
        Assert.Contains("POST /files", error.Message, StringComparison.Ordinal);
    }
}
