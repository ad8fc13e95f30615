// Our own file in the shape of openid/AppAuth-iOS Examples/Example-iOS_ObjC/Source/AppAuthExampleViewController.m:
// the method passes its clientSecret parameter, or a constant named kClientSecret, on by label; and of
// okta/okta-oidc-ios Sources/AppAuth/OKTTokenRequest.m: the secret is copied or decoded by a message.
#import <AppAuth/AppAuth.h>

static NSString *const kRedirectURI = @"com.contoso.field:/oauth2redirect"; // expect: custom-scheme-redirect/warning
static NSString *const kClientSecret = nil;
static NSString *const kClientSecretKey = @"clientSecret";

@implementation SignIn
- (void)signInWith:(OIDServiceConfiguration *)configuration
          clientID:(NSString *)clientID
      clientSecret:(NSString *)clientSecret {
  NSURL *redirectURI = [NSURL URLWithString:kRedirectURI];
  OIDAuthorizationRequest *request =
      [[OIDAuthorizationRequest alloc] initWithConfiguration:configuration
                                                    clientId:clientID
                                                clientSecret:clientSecret
                                                      scopes:@[ OIDScopeOpenID ]
                                                 redirectURL:redirectURI
                                                responseType:OIDResponseTypeCode
                                        additionalParameters:nil];
  [self signInWith:configuration clientID:clientID clientSecret:kClientSecret];
}

- (instancetype)initWithCoder:(NSCoder *)aDecoder {
  NSString *clientSecret = [aDecoder decodeObjectOfClass:[NSString class] forKey:kClientSecretKey];
  _clientSecret = [clientSecret copy];
  return self;
}
@end
