#include "gatewaysamples.h"

namespace genius::test {

QByteArray sampleModels()
{
    return R"({"object":"list","data":[
        {"id":"pub","object":"model","created":1,"owned_by":"x","max_protection_class":"none","location":"public-cloud"},
        {"id":"sov","max_protection_class":"normal","location":"sovereign-cloud","extra":{"a":1}},
        {"id":"bare"},
        {"id":"text-embed-3"},
        {"id":"tabled"},
        {"id":"liar","max_protection_class":"very-high"}]})";
}

QByteArray sampleModelInfo()
{
    return R"({"data":[
        {"model_name":"bare","model_info":{"mode":"chat","max_protection_class":"high","location":"on-prem"}},
        {"model_name":"pub","model_info":{"max_protection_class":"high"}}]})";
}

QByteArray sampleEmbeddings(const QByteArray& base64Vector)
{
    QByteArray body(R"({"object":"list","data":[{"object":"embedding","index":1,"embedding":")");
    body += base64Vector;
    body += R"("},{"object":"embedding","index":0,"embedding":[1.0,0.25]}],"usage":{"prompt_tokens":7}})";
    return body;
}

QByteArray embeddingsOne()
{
    return R"({"data":[{"index":0,"embedding":[1]}]})";
}

QByteArray embeddingsDuplicateIndex()
{
    return R"({"data":[{"index":0,"embedding":[1]},{"index":0,"embedding":[2]}]})";
}

QByteArray embeddingsDifferentSizes()
{
    return R"({"data":[{"index":0,"embedding":[1,2]},{"index":1,"embedding":[3]}]})";
}

QByteArray emptyModelList()
{
    return R"({"object":"list","data":[]})";
}

} // namespace genius::test
