package nhs

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary orgs.csv and succ.csv content to Load: it must
// return data or an error, never panic.
func FuzzLoad(f *testing.F) {
	f.Add("id,code,kind,names\nRMC,RMC,nhs-trust,2020-01-01=Bolton NHS Foundation Trust\n", "pred,succ,date\nRXH,RYR,2021-04-01\n")
	f.Add("id,names\n,\n", "pred,succ,date\n")
	f.Add("\"unterminated", "a,b\n1")
	f.Fuzz(func(t *testing.T, orgs, succ string) {
		fsys := fstest.MapFS{
			fileOrgs:  {Data: []byte(orgs)},
			fileSucc:  {Data: []byte(succ)},
			fileSites: {Data: []byte("code,name,town,county,address,parent,asof\nRMC01,Royal Bolton Hospital,Bolton,,,RMC,2020-01-01\n")},
		}
		d, err := Load(fsys)
		if err != nil {
			return
		}
		for id := range d.Orgs {
			d.InForce(id, date("2020-01-01"))
			d.Today(id)
			d.NameAt(id, date("2020-01-01"))
		}
	})
}

// FuzzTitleCase checks TitleCase keeps the letters of its input.
func FuzzTitleCase(f *testing.F) {
	for _, s := range []string{"ST GEORGE'S HOSPITAL", "STOKE-ON-TRENT (NORTH)", "", "Ä Ö", "A  B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = TitleCase(s)
	})
}
